import { guestRuntime, runAsGuest, sendMessage } from "@wasmcall/host-runtimes/guest";
import { STRATEGIES } from "../../test/strategies.js";
import { runConformance, type TestFile } from "./run-conformance.js";

/**
 * The conformance guest's entry point (the build's generated entry calls it with every bundled
 * test file): runs the files under the host protocol (`runAsGuest`), sending one progress
 * message per file, and reports the `GuestSuiteResult`. The guest takes no arguments.
 */
export function runConformanceGuest(files: readonly TestFile[]): Promise<void> {
  return runAsGuest(() =>
    runConformance({
      files,
      strategies: STRATEGIES.map((s) => s.name),
      runtime: guestRuntime(),
      onFile: (line) => void sendMessage(line),
    }),
  );
}
