import { readdirSync } from "node:fs";
import { RuntimeUnavailableError } from "../errors/runtime-unavailable-error.js";
import type { BrowserName } from "../runtime-name.js";
import { lastLines, runCommand } from "./run-command.js";
import { BROWSER_EXECUTABLES, BROWSER_PACKAGES } from "./system-browsers.js";

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };

/** Whether apt has package lists to install from (`apt-get update` ran once). */
function haveAptLists(): boolean {
  try {
    return readdirSync("/var/lib/apt/lists").some((file) => file.includes("_Packages"));
  } catch {
    return false;
  }
}

async function apt(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  return runCommand("apt-get", args, { env: APT_ENV });
}

/**
 * Installs Debian's `chromium` and `firefox-esr` with apt-get (running `apt-get update` first
 * when there are no package lists, and again when the install fails).
 *
 * @throws {RuntimeUnavailableError} for `name` when not running as root or apt-get fails.
 */
export async function installBrowsers(name: BrowserName): Promise<void> {
  const how = `install it as root with \`apt-get install ${BROWSER_PACKAGES.join(" ")}\``;
  if (process.getuid?.() !== 0) {
    throw new RuntimeUnavailableError(
      name,
      `${BROWSER_EXECUTABLES[name]} is missing and only root can install it; ${how}`,
    );
  }
  const installArgs = ["install", "-y", "--no-install-recommends", ...BROWSER_PACKAGES];
  try {
    if (!haveAptLists()) await apt(["update"]);
    let result = await apt(installArgs);
    if (result.code !== 0) {
      await apt(["update"]);
      result = await apt(installArgs);
    }
    if (result.code !== 0) {
      throw new Error(`apt-get exited with code ${result.code}:\n${lastLines(result.output)}`);
    }
  } catch (error) {
    throw new RuntimeUnavailableError(name, `apt-get could not install it; ${how}`, {
      cause: error,
    });
  }
}
