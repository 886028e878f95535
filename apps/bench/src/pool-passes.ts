import { contestantKey } from "./contestants.js";
import { summarize, type Timing } from "./measure/timing.js";
import type { PassFigures } from "./pass.js";
import type { WorkloadPlan } from "./plan.js";
import type { Measurement } from "./results.js";
import type { RuntimeId } from "./runtime-id.js";

/** Points each pass contributes to the pooled distribution: its percentiles 1 to 99. */
const PERCENTILES = 99;

/**
 * Pools what the passes over one workload's plan measured in one runtime: each contestant's
 * timing from every pass, its bytes per call from the first. A contestant no pass measured is
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
    const timing = poolTimings(passes.map((p) => p.samples));
    measurements.push({ runtime, workload, ...id, timing, bytesPerCall: bytes });
  }
  return measurements;
}

/**
 * The timing of several passes' samples, every pass weighing the same: each contributes its
 * percentiles 1 to 99, however many samples it took. A pass takes more samples the smaller
 * its batches, which are sized on a probe of its own; pooled as they are, one pass whose
 * process settled 10 times slower outweighed two fast ones when a slow probe gave it small
 * batches. The extremes and the count are those of all the samples.
 */
export function poolTimings(passes: readonly (readonly number[])[]): Timing {
  const points = passes.flatMap((samples) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return Array.from(
      { length: PERCENTILES },
      (_, i) => sorted[Math.round(((i + 1) / (PERCENTILES + 1)) * (sorted.length - 1))] as number,
    );
  });
  const all = passes.flat();
  return {
    ...summarize(points),
    min: Math.min(...all),
    max: Math.max(...all),
    samples: all.length,
  };
}
