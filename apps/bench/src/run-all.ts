import { fork } from "node:child_process";
import { contestantKey } from "./contestants.js";
import { type MeasureBudget, summarize } from "./measure.js";
import type { WorkloadPlan } from "./plan.js";
import type { Failure, Measurement } from "./results.js";
import type { PassFigures, WorkerMessage } from "./worker.js";

/** Everything one run measured, and what it could not. */
export interface RunOutcome {
  readonly measurements: readonly Measurement[];
  readonly failures: readonly Failure[];
}

/**
 * Runs every planned workload, `budget.passes` times, each pass in a process of its own (this
 * script again, with `--worker` and `--pass`, under the same Node flags), one after the other,
 * and pools what the passes send. A fresh process per workload keeps the strategies' shared
 * code from carrying the type feedback of other signatures into a workload's figures; the
 * ratios of a workload all come from the same processes. `progress` is told of every
 * contestant as each pass finishes it.
 */
export async function runAll(
  plans: readonly WorkloadPlan[],
  budget: MeasureBudget,
  workerArgs: readonly string[],
  progress: (message: WorkerMessage, pass: number) => void,
): Promise<RunOutcome> {
  const measurements: Measurement[] = [];
  const failures: Failure[] = [];
  for (const plan of plans) {
    const pooled = new Map<string, PassFigures[]>();
    for (let pass = 0; pass < budget.passes; pass++) {
      const code = await runWorker(plan, pass, workerArgs, (message) => {
        if (message.kind === "failed") failures.push(message.failure);
        else {
          const key = contestantKey(plan.workload.name, message.figures);
          pooled.set(key, [...(pooled.get(key) ?? []), message.figures]);
        }
        progress(message, pass);
      });
      if (code !== 0) {
        const failure = { workload: plan.workload.name, strategy: "*", api: "*" };
        failures.push({ ...failure, error: `pass ${pass + 1} exited with code ${code}` });
        break;
      }
    }
    for (const id of plan.ids) {
      const passes = pooled.get(contestantKey(plan.workload.name, id));
      const bytes = passes?.[0]?.bytesPerCall;
      if (passes === undefined || bytes === undefined) continue;
      const timing = summarize(passes.flatMap((p) => p.samples));
      measurements.push({ workload: plan.workload.name, ...id, timing, bytesPerCall: bytes });
    }
  }
  return { measurements, failures };
}

/** Runs one pass over `plan` in a worker process; resolves to its exit code. */
function runWorker(
  plan: WorkloadPlan,
  pass: number,
  workerArgs: readonly string[],
  receive: (message: WorkerMessage) => void,
): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const args = ["--worker", plan.workload.name, "--pass", String(pass), ...workerArgs];
    const child = fork(process.argv[1] as string, args, {
      execArgv: process.execArgv,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.on("message", receive);
    child.on("error", reject);
    child.on("exit", resolve);
  });
}
