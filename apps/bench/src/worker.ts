import type { ContestantId } from "./contestants.js";
import { bytesPerCall, type MeasureBudget, timeRun } from "./measure.js";
import type { WorkloadPlan } from "./plan.js";
import { prepareContestants } from "./prepare.js";
import type { Failure } from "./results.js";

/** One pass's figures of one contestant. */
export interface PassFigures extends ContestantId {
  readonly workload: string;
  /** The pass's timing samples, ns per call. */
  readonly samples: readonly number[];
  /** Bytes per call, measured in the first pass only. */
  readonly bytesPerCall: number | undefined;
}

/** What a worker process sends its parent, one message per contestant. */
export type WorkerMessage =
  | { readonly kind: "measured"; readonly figures: PassFigures }
  | { readonly kind: "failed"; readonly failure: Failure };

/**
 * Pass number `pass` over the contestants of one workload, in this process: prepares and
 * checks them, then times each (the first pass also measures its allocation), sending a message
 * for each as soon as it is done. Each pass starts at another contestant, so that none is always
 * measured first; failures are reported by the first pass only.
 */
export async function runPass(
  plan: WorkloadPlan,
  pass: number,
  budget: MeasureBudget,
  send: (message: WorkerMessage) => void,
): Promise<void> {
  const { contestants, failures } = await prepareContestants(plan.workload, plan.ids);
  if (pass === 0) for (const failure of failures) send({ kind: "failed", failure });
  const start = contestants.length === 0 ? 0 : pass % contestants.length;
  const order = [...contestants.slice(start), ...contestants.slice(0, start)];
  for (const c of order) {
    const samples = await timeRun(c.run, c.callsPerRun, budget);
    send({
      kind: "measured",
      figures: {
        workload: c.workload,
        strategy: c.strategy,
        api: c.api,
        samples,
        bytesPerCall: pass === 0 ? bytesPerCall(c.run, c.callsPerRun) : undefined,
      },
    });
  }
}
