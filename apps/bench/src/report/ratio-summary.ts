import { type Result, resultOf } from "../results.js";
import type { RuntimeId } from "../runtime-id.js";

/** The workloads the summary compares the strategies on: a body that does something. */
export const SUMMARY_WORKLOADS = ["add-i32", "params-and-results"] as const;

/** The strategies of the summary, each through its own API. */
export const SUMMARY_STRATEGIES = ["baseline", "funcstorage", "store-amortized", "typed-func"];

/** One row of the summary: a strategy on a workload, its ratio to raw in each runtime. */
export interface SummaryRow {
  readonly strategy: string;
  readonly workload: string;
  /** The ratio to the raw call, per runtime (in the order given), `null` where not measured. */
  readonly ratios: readonly (number | null)[];
}

/**
 * The ratio to the raw call of each strategy (its native API) on `add-i32` and
 * `params-and-results` in each of `runtimes`: the figure that says how close a strategy comes
 * to the engine's own call, comparable across engines. Rows with no figure anywhere are left
 * out.
 */
export function ratioSummary(
  results: readonly Result[],
  runtimes: readonly RuntimeId[],
): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const strategy of SUMMARY_STRATEGIES) {
    for (const workload of SUMMARY_WORKLOADS) {
      const ratios = runtimes.map(
        (runtime) =>
          resultOf(results, workload, strategy, "native", runtime.name)?.ratioToRaw ?? null,
      );
      if (ratios.some((r) => r !== null)) rows.push({ strategy, workload, ratios });
    }
  }
  return rows;
}
