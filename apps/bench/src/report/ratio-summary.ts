import type { ContestantId } from "../contestants.js";
import { type Result, resultOf } from "../results.js";
import type { RuntimeId } from "../runtime-id.js";

/** The workloads the summary compares the strategies on: a body that does something. */
export const SUMMARY_WORKLOADS = ["add-i32", "params-and-results"] as const;

/**
 * The contestants of the summary: the raw call through `apply` and spread (what a JS user
 * writes without the library), then each strategy through its own API.
 */
export const SUMMARY_CONTESTANTS: readonly ContestantId[] = [
  { strategy: "raw", api: "apply" },
  { strategy: "raw", api: "spread" },
  ...["baseline", "funcstorage", "store-amortized", "typed-func"].map((strategy) => ({
    strategy,
    api: "native",
  })),
];

/** One row of the summary: a contestant on a workload, its ratio to raw in each runtime. */
export interface SummaryRow {
  /** The contestant: a strategy's name for its own API (`funcstorage`), else `raw/apply`. */
  readonly contestant: string;
  readonly workload: string;
  /** The ratio to the raw call, per runtime (in the order given), `null` where not measured. */
  readonly ratios: readonly (number | null)[];
}

/**
 * The ratio to the raw call of each of {@link SUMMARY_CONTESTANTS} on `add-i32` and
 * `params-and-results` in each of `runtimes`: the figure that says how close a strategy comes
 * to the engine's own call, and how it stands against `apply` and spread, comparable across
 * engines. Rows with no figure anywhere are left out.
 */
export function ratioSummary(
  results: readonly Result[],
  runtimes: readonly RuntimeId[],
): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const { strategy, api } of SUMMARY_CONTESTANTS) {
    const contestant = api === "native" ? strategy : `${strategy}/${api}`;
    for (const workload of SUMMARY_WORKLOADS) {
      const ratios = runtimes.map(
        (runtime) => resultOf(results, workload, strategy, api, runtime.name)?.ratioToRaw ?? null,
      );
      if (ratios.some((r) => r !== null)) rows.push({ contestant, workload, ratios });
    }
  }
  return rows;
}
