import { ensureInstalled } from "./install/ensure-installed.js";
import { runCommand } from "./install/run-command.js";
import { launchBrowser } from "./launch-browser.js";
import type { RuntimeName } from "./runtime-name.js";

/** A runtime ready to run guests. */
export interface EnsuredRuntime {
  /** The runtime. */
  readonly name: RuntimeName;
  /**
   * Its version as it reports it: `node -v` (`v22.23.3`), `bun --version` (`1.4.5`), the first
   * line of `deno --version`, or the browser's `browser.version()` (`firefox/153.7.0`).
   */
  readonly version: string;
}

const ensured = new Map<RuntimeName, Promise<EnsuredRuntime>>();

async function versionOf(name: RuntimeName, executable: string): Promise<string> {
  if (name === "node") return process.version;
  if (name === "chromium" || name === "firefox") {
    const browser = await launchBrowser(name);
    try {
      return await browser.version();
    } finally {
      await browser.close();
    }
  }
  const flag = name === "bun" || name === "deno" ? "--version" : "-v";
  const { code, output } = await runCommand(executable, [flag]);
  if (code !== 0) throw new Error(`${executable} ${flag} exited with code ${code}: ${output}`);
  return output.trim().split("\n")[0] ?? "";
}

async function ensure(name: RuntimeName): Promise<EnsuredRuntime> {
  const executable = await ensureInstalled(name);
  return { name, version: await versionOf(name, executable) };
}

/**
 * Makes runtime `name` ready and tells its version. Installs what is missing: the npm runtimes
 * (`node22`, `node24`, `node26`, `bun`, `deno`) with `npm ci` in the runtimes project
 * (`tools/runtimes`), the browsers with `apt-get install chromium firefox-esr` when running as
 * root. The answer is kept: later calls for the same runtime return at once.
 *
 * @throws {RuntimeUnavailableError} saying what to install when it is missing and cannot be
 * installed; the runtime's own error when it is there but does not start.
 * @example
 * ```ts
 * const { version } = await ensureRuntime("deno"); // "deno 2.9.6 (stable, release, ...)"
 * ```
 */
export function ensureRuntime(name: RuntimeName): Promise<EnsuredRuntime> {
  let pending = ensured.get(name);
  if (pending === undefined) {
    pending = ensure(name);
    ensured.set(name, pending);
    pending.catch(() => ensured.delete(name));
  }
  return pending;
}
