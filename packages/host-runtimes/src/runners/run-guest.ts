import { existsSync } from "node:fs";
import { isAbsolute } from "node:path";
import { ensureRuntime } from "../ensure-runtime.js";
import { ensureInstalled } from "../install/ensure-installed.js";
import type { RuntimeName } from "../runtime-name.js";
import type { GuestRun, RunGuestOptions } from "./guest-options.js";
import { startGuestSession } from "./guest-session.js";
import { runBrowserGuest } from "./run-browser-guest.js";
import { runProcessGuest } from "./run-process-guest.js";

/**
 * Runs the guest bundle `options.script` in runtime `name` (installing the runtime first when
 * it is missing, see `ensureRuntime`; the install is not timed) and returns the value its
 * `runAsGuest` main returned.
 * A server on 127.0.0.1 serves the guest its args, the mounts and the routes it reports
 * through; it is always stopped, and a browser always closed, when the run ends.
 *
 * @throws {GuestError} when the guest throws, a page reports an error, the runtime crashes or
 * exits without a result, or `timeoutMs` passes; {@link RuntimeUnavailableError} when the
 * runtime cannot be installed; {@link Error} when `script` is not an absolute path to a file.
 * @example
 * ```ts
 * const { result, version } = await runGuest("deno", {
 *   script: resolve("dist/guest.js"),
 *   args: { suite: "/spec/" },
 *   mounts: { "/spec/": specDir },
 *   onMessage: (message) => console.log(message),
 * });
 * ```
 */
export async function runGuest(name: RuntimeName, options: RunGuestOptions): Promise<GuestRun> {
  if (!isAbsolute(options.script) || !existsSync(options.script)) {
    throw new Error(`the guest script must be an absolute path to a file: ${options.script}`);
  }
  const exposeGc = options.exposeGc ?? false;
  const timeoutMs = options.timeoutMs ?? 120_000;
  if (name === "chromium" || name === "firefox") {
    await ensureInstalled(name);
    const session = await startGuestSession(name, { ...options, timeoutMs });
    try {
      const run = await runBrowserGuest(name, session, exposeGc, timeoutMs);
      return { ...run, logs: session.logs };
    } finally {
      await session.close();
    }
  }
  const [executable, { version }] = await Promise.all([ensureInstalled(name), ensureRuntime(name)]);
  const session = await startGuestSession(name, { ...options, timeoutMs });
  try {
    const result = await runProcessGuest(name, executable, options.script, session, exposeGc);
    return { result, version, logs: session.logs };
  } finally {
    await session.close();
  }
}
