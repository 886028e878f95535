import type { Result } from "../results.js";
import type { RuntimeGoals } from "../run-report.js";
import type { RuntimeId } from "../runtime-id.js";
import type { Workload } from "../workloads/workload.js";
import { formatBytes, formatNs, formatRatio } from "./format.js";
import { ratioSummary } from "./ratio-summary.js";
import { textColumns } from "./text-columns.js";

/** The two header rows of a table with a column per runtime: names, then versions. */
function runtimeHeader(first: string, runtimes: readonly RuntimeId[]): string[][] {
  return [
    [first, ...runtimes.map((r) => r.name)],
    ["", ...runtimes.map((r) => r.version)],
  ];
}

/** The contestants of `rows` (`strategy/api`), each once, in the order they appear. */
export function contestantsOf(rows: readonly Result[]): { strategy: string; api: string }[] {
  const seen = new Map<string, { strategy: string; api: string }>();
  for (const r of rows) seen.set(`${r.strategy}/${r.api}`, { strategy: r.strategy, api: r.api });
  return [...seen.values()];
}

/**
 * A result in a cell of the side-by-side tables: `26.1 4.70x` (ns per call and ratio to raw),
 * with the bytes per call where they are not 0 (`40.0B`), `-` where it was not measured.
 */
function cell(r: Result | undefined): string {
  if (r === undefined) return "-";
  const ratio = r.ratioToRaw === null ? "" : ` ${formatRatio(r.ratioToRaw)}`;
  const bytes = r.bytesPerCall ? ` ${formatBytes(r.bytesPerCall)}B` : "";
  return `${formatNs(r.nsPerCall)}${ratio}${bytes}`;
}

/**
 * The results of several runtimes as terminal tables, one per workload: a row per contestant,
 * a column per runtime, each cell ns per call, ratio to the raw call in that runtime, and
 * bytes per call where not 0.
 */
export function compareTables(
  workloads: readonly Workload[],
  results: readonly Result[],
  runtimes: readonly RuntimeId[],
): string {
  const blocks: string[] = [];
  for (const workload of workloads) {
    const rows = results.filter((r) => r.workload === workload.name);
    if (rows.length === 0) continue;
    const lines = contestantsOf(rows).map((id) => [
      `${id.strategy}/${id.api}`,
      ...runtimes.map((runtime) =>
        cell(
          rows.find(
            (r) =>
              r.runtime.name === runtime.name && r.strategy === id.strategy && r.api === id.api,
          ),
        ),
      ),
    ]);
    blocks.push(
      `${workload.name}: ${workload.summary}\n${textColumns([...runtimeHeader("contestant", runtimes), ...lines])}`,
    );
  }
  return `ns/call, x raw, bytes/call where not 0\n\n${blocks.join("\n\n")}`;
}

/**
 * The summary: the ratio to raw of the raw call through apply and spread and of each strategy
 * (its own API) on add-i32 and params-and-results, per runtime.
 */
export function summaryTable(results: readonly Result[], runtimes: readonly RuntimeId[]): string {
  const lines = ratioSummary(results, runtimes).map((row) => [
    `${row.contestant} ${row.workload}`,
    ...row.ratios.map(formatRatio),
  ]);
  return `Ratio to the raw call (native APIs; raw/apply, raw/spread: the export through apply and spread)\n${textColumns([...runtimeHeader("contestant, workload", runtimes), ...lines])}`;
}

/** The goals in every runtime: a row per goal, `met`, `missed` or `-` (not measured). */
export function goalMatrix(goals: readonly RuntimeGoals[], runtimes: readonly RuntimeId[]): string {
  const first = goals[0]?.goals ?? [];
  const lines = first.map((g, i) => [
    g.goal.length > 60 ? `${g.goal.slice(0, 59)}…` : g.goal,
    ...runtimes.map((runtime) => {
      const state = goals.find((x) => x.runtime === runtime.name)?.goals[i]?.state;
      return state === undefined || state === "not measured" ? "-" : state;
    }),
  ]);
  return `Goals per runtime (figures in the JSON and HTML reports)\n${textColumns([...runtimeHeader("goal", runtimes), ...lines])}`;
}
