import { type ContestantId, contestantIds, contestantKey } from "./contestants.js";
import { WORKLOADS } from "./workloads/all-workloads.js";
import type { Workload } from "./workloads/workload.js";

/** One workload of a run and the contestants measured on it. */
export interface WorkloadPlan {
  readonly workload: Workload;
  readonly ids: readonly ContestantId[];
}

/**
 * The references the ratios and goals need, which run whenever anything of their workload
 * runs: the raw calls (direct, `apply`, spread) and the baseline.
 */
function isReference(id: ContestantId): boolean {
  return id.strategy === "raw" || id.strategy === "baseline";
}

/**
 * What a run measures: every workload with the contestants whose `workload/strategy/api`
 * matches `filter` (all without one), plus the references of each workload that has any: the
 * raw calls (direct, `apply`, spread) and the baseline, which the ratios and goals are taken
 * against.
 */
export function planRun(filter: RegExp | undefined): WorkloadPlan[] {
  const plans: WorkloadPlan[] = [];
  for (const workload of WORKLOADS) {
    const all = contestantIds(workload);
    const chosen = all.filter((id) => filter?.test(contestantKey(workload.name, id)) ?? true);
    if (chosen.length === 0) continue;
    plans.push({ workload, ids: all.filter((id) => chosen.includes(id) || isReference(id)) });
  }
  return plans;
}
