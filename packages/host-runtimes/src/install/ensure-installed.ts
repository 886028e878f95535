import { existsSync } from "node:fs";
import { RuntimeUnavailableError } from "../errors/runtime-unavailable-error.js";
import type { RuntimeName } from "../runtime-name.js";
import { installBrowsers } from "./install-browsers.js";
import { withInstallLock } from "./install-lock.js";
import { installNpmRuntimes, npmRuntimesInstalled } from "./install-npm-runtimes.js";
import { npmRuntimeBinary } from "./runtimes-project.js";
import { BROWSER_EXECUTABLES } from "./system-browsers.js";

/**
 * Makes sure runtime `name`'s executable is there, installing it when it is not (npm for the
 * process runtimes, apt-get for the browsers), and returns its path. Installs run one at a
 * time across processes; a process that waited for another's install uses it.
 *
 * @throws {RuntimeUnavailableError} when it is missing and cannot be installed, or still
 * missing after the install.
 */
export async function ensureInstalled(name: RuntimeName): Promise<string> {
  if (name === "node") return process.execPath;
  const browser = name === "chromium" || name === "firefox";
  const executable = browser ? BROWSER_EXECUTABLES[name] : npmRuntimeBinary(name);
  const ready = (): boolean => existsSync(executable) && (browser || npmRuntimesInstalled());
  if (ready()) return executable;
  await withInstallLock(async () => {
    if (ready()) return;
    if (browser) await installBrowsers(name);
    else await installNpmRuntimes(name);
  });
  if (!ready()) {
    throw new RuntimeUnavailableError(name, `${executable} is still missing after the install`);
  }
  return executable;
}
