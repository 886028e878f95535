import { contestantIds } from "../contestants.js";
import { FULL_BUDGET, GLANCE_BUDGET, type MeasureBudget, QUICK_BUDGET } from "../measure/budget.js";
import type { WorkloadPlan } from "../plan.js";
import { WORKLOADS } from "../workloads/all-workloads.js";

/** The budgets the page offers, by name. */
export const BUDGETS: Readonly<Record<string, MeasureBudget>> = {
  glance: GLANCE_BUDGET,
  quick: QUICK_BUDGET,
  full: FULL_BUDGET,
};

/** The strategies the page offers (the raw calls always run, as the references). */
export const STRATEGY_CHOICES = [
  "baseline",
  "funcstorage",
  "store-amortized",
  "typed-func",
  "runtime",
] as const;

/** The APIs the page offers beside `native`, which also stands for the host APIs. */
const API_CHOICES: readonly string[] = ["caller", "closures"];

/** What the visitor chose to run. */
export interface Selection {
  /** Workload names. */
  readonly workloads: readonly string[];
  /** Strategies among {@link STRATEGY_CHOICES}. */
  readonly strategies: readonly string[];
  /**
   * `native` (each strategy's own API, and the host APIs), `caller` (the uniform `Caller`),
   * `closures` (funcstorage's and store-amortized's own API without generated code), any of them.
   */
  readonly apis: readonly string[];
  /** A name among {@link BUDGETS}. */
  readonly budget: string;
}

/**
 * The plans of a selection, in the bench's workload order: on each chosen workload, the raw
 * calls (direct, the reference of every ratio, then `apply` and spread) and the chosen
 * strategies through the chosen APIs. A workload left with no contestant (v128-add, which has
 * no raw call, with no strategy) is left out.
 */
export function planSelection(selection: Selection): WorkloadPlan[] {
  const plans: WorkloadPlan[] = [];
  for (const workload of WORKLOADS) {
    if (!selection.workloads.includes(workload.name)) continue;
    const ids = contestantIds(workload).filter(
      (id) =>
        id.strategy === "raw" ||
        (selection.strategies.includes(id.strategy) &&
          selection.apis.includes(API_CHOICES.includes(id.api) ? id.api : "native")),
    );
    if (ids.length > 0) plans.push({ workload, ids });
  }
  return plans;
}
