import type { ContestantId } from "./contestants.js";
import type { MeasureBudget } from "./measure/budget.js";
import { bytesPerCall } from "./measure/bytes-per-call.js";
import type { RuntimeHooks } from "./measure/runtime-hooks.js";
import { timeRun } from "./measure/time-run.js";
import { prepareContestants } from "./prepare.js";
import type { Failure } from "./results.js";
import { workloadNamed } from "./workloads/all-workloads.js";

/** One pass's figures of one contestant. */
export interface PassFigures extends ContestantId {
  readonly workload: string;
  /** The pass's timing samples, ns per call. */
  readonly samples: readonly number[];
  /**
   * Bytes per call, measured in the first pass only (`undefined` in the others); `null` where
   * the runtime cannot measure them.
   */
  readonly bytesPerCall: number | null | undefined;
}

/** What a pass reports, one message per contestant, as soon as it is done. */
export type PassMessage =
  | { readonly kind: "measured"; readonly figures: PassFigures }
  | { readonly kind: "failed"; readonly failure: Failure };

/** One pass to make: a workload, its module, the contestants to measure and the budget. */
export interface PassRequest {
  /** The workload's name. */
  readonly workload: string;
  /** Its module, assembled (the bench never assembles text where it measures). */
  readonly binary: readonly number[];
  /** The contestants to measure. */
  readonly ids: readonly ContestantId[];
  /** Which pass this is (0 is the first, which also measures allocation). */
  readonly pass: number;
  readonly budget: MeasureBudget;
}

/**
 * Makes the pass `request` in this process (or worker): on the contestants of its workload,
 * prepares and checks them, then times each (the first pass also measures its allocation,
 * where `hooks` allow), and awaits `send` for each before measuring the next. Each pass
 * starts at another contestant, so that none is always measured first; failures are reported
 * by the first pass only.
 *
 * @throws {Error} when the workload is unknown.
 */
export async function runPass(
  request: PassRequest,
  hooks: RuntimeHooks,
  send: (message: PassMessage) => void | Promise<void>,
): Promise<void> {
  const { pass, budget } = request;
  const workload = workloadNamed(request.workload);
  const binary = new Uint8Array(request.binary);
  const { contestants, failures } = prepareContestants(workload, request.ids, binary);
  if (pass === 0) for (const failure of failures) await send({ kind: "failed", failure });
  const start = contestants.length === 0 ? 0 : pass % contestants.length;
  const order = [...contestants.slice(start), ...contestants.slice(0, start)];
  for (const c of order) {
    const samples = await timeRun(c.run, c.callsPerRun, budget, hooks);
    const bytes = pass === 0 ? bytesPerCall(c.run, c.callsPerRun, hooks) : undefined;
    await send({
      kind: "measured",
      figures: {
        workload: c.workload,
        strategy: c.strategy,
        api: c.api,
        samples,
        bytesPerCall: bytes,
      },
    });
  }
}
