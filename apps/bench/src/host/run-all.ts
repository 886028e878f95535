import type { RuntimeName } from "@wasmcall/host-runtimes";
import type { Measurement, RuntimeFailure } from "../results.js";
import type { RuntimeRun, UnavailableRuntime } from "../run-report.js";
import { type RuntimeSetup, runInRuntime } from "./run-in-runtime.js";

/** Everything one run measured in every runtime, and what it could not. */
export interface RunOutcome {
  readonly runtimes: readonly RuntimeRun[];
  readonly unavailable: readonly UnavailableRuntime[];
  readonly measurements: readonly Measurement[];
  readonly failures: readonly RuntimeFailure[];
}

/**
 * Runs the planned workloads in each of `runtimes`, one runtime after the other (see
 * `runInRuntime`), and gathers what they gave. A runtime that cannot be started is listed in
 * `unavailable`; the others run all the same.
 */
export async function runAll(
  runtimes: readonly RuntimeName[],
  setup: RuntimeSetup,
  started: (name: RuntimeName) => void,
): Promise<RunOutcome> {
  const ran: RuntimeRun[] = [];
  const unavailable: UnavailableRuntime[] = [];
  const measurements: Measurement[] = [];
  const failures: RuntimeFailure[] = [];
  for (const name of runtimes) {
    started(name);
    const outcome = await runInRuntime(name, setup);
    if (outcome.run !== undefined) ran.push(outcome.run);
    if (outcome.unavailable !== undefined) unavailable.push(outcome.unavailable);
    measurements.push(...outcome.measurements);
    failures.push(...outcome.failures);
  }
  return { runtimes: ran, unavailable, measurements, failures };
}
