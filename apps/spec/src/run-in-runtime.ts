import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  ensureRuntime,
  type RuntimeName,
  readSuiteResult,
  runGuest,
} from "@wasmcall/host-runtimes";
import type { GuestSuiteResult } from "@wasmcall/host-runtimes/guest";

/** What {@link runInRuntime} runs. */
export interface RuntimeRun {
  /** The runtime (any of the matrix's: `node26`, `deno`, `chromium`, ...). */
  readonly runtime: RuntimeName;
  /** The suite folder the runner reads (converted already: see `prepareSuite`). */
  readonly dir: string;
  /** Only these strategies (all when empty). */
  readonly strategies: readonly string[];
  /** Only these scripts (all when empty). */
  readonly scripts: readonly string[];
  /** Receives the guest's progress lines. */
  readonly onProgress: (line: string) => void;
}

/** How long a whole suite may take in one runtime, the runtime's start-up included. */
const TIMEOUT_MS = 15 * 60_000;

/**
 * Runs the suite in `run.dir` through the spec guest (`dist/guest.js`, the runner bundled for
 * any runtime) in `run.runtime`, installing the runtime first where it comes from npm; the
 * folder is served to the guest over HTTP. Returns the runtime's version and the guest's result.
 *
 * @throws {Error} (as a rejection) when the runtime cannot be started or the guest fails.
 */
export async function runInRuntime(
  run: RuntimeRun,
): Promise<{ readonly version: string; readonly result: GuestSuiteResult }> {
  const { version } = await ensureRuntime(run.runtime);
  const guest = join(dirname(fileURLToPath(import.meta.url)), "guest.js");
  const { result } = await runGuest(run.runtime, {
    script: guest,
    args: { suite: "/spec/", strategies: run.strategies, scripts: run.scripts },
    mounts: { "/spec/": run.dir },
    timeoutMs: TIMEOUT_MS,
    onMessage: (message) => run.onProgress(String(message)),
  });
  return { version, result: readSuiteResult(result) };
}
