import { contestantKey } from "./contestants.js";
import { summarize } from "./measure/timing.js";
import type { PassFigures } from "./pass.js";
import type { WorkloadPlan } from "./plan.js";
import type { Measurement } from "./results.js";
import type { RuntimeId } from "./runtime-id.js";

/**
 * Pools what the passes over one workload's plan measured in one runtime: each contestant's
 * samples from every pass, its bytes per call from the first. A contestant no pass measured is
 * left out, as is one whose first pass did not come back.
 */
export function poolPasses(
  runtime: RuntimeId,
  plan: WorkloadPlan,
  figures: readonly PassFigures[],
): Measurement[] {
  const measurements: Measurement[] = [];
  const workload = plan.workload.name;
  for (const id of plan.ids) {
    const key = contestantKey(workload, id);
    const passes = figures.filter((f) => contestantKey(f.workload, f) === key);
    const bytes = passes.find((p) => p.bytesPerCall !== undefined)?.bytesPerCall;
    if (passes.length === 0 || bytes === undefined) continue;
    const timing = summarize(passes.flatMap((p) => p.samples));
    measurements.push({ runtime, workload, ...id, timing, bytesPerCall: bytes });
  }
  return measurements;
}
