import type { GoalStatus } from "../goal-status.js";
import type { Result, RuntimeFailure } from "../results.js";
import { runtimeLabel } from "../runtime-id.js";
import type { Workload } from "../workloads/workload.js";
import { formatBytes, formatNs, formatRatio } from "./format.js";
import { textColumns } from "./text-columns.js";

const HEADER = ["contestant", "ns/call", "p25-p75", "min-max", "B/call", "x raw", "x baseline"];

/**
 * The results of one runtime as terminal tables, one per workload (in `workloads` order):
 * median ns per call with its spread, bytes per call, and the ratios to raw and to the
 * baseline.
 */
export function resultTables(workloads: readonly Workload[], results: readonly Result[]): string {
  const blocks: string[] = [];
  for (const workload of workloads) {
    const rows = results.filter((r) => r.workload === workload.name);
    if (rows.length === 0) continue;
    const lines = rows.map((r) => [
      `${r.strategy}/${r.api}`,
      formatNs(r.nsPerCall),
      `${formatNs(r.timing.p25)}-${formatNs(r.timing.p75)}`,
      `${formatNs(r.timing.min)}-${formatNs(r.timing.max)}`,
      formatBytes(r.bytesPerCall),
      formatRatio(r.ratioToRaw),
      formatRatio(r.ratioToBaseline),
    ]);
    blocks.push(`${workload.name}: ${workload.summary}\n${textColumns([HEADER, ...lines])}`);
  }
  return blocks.join("\n\n");
}

/** The contestants that could not be measured, one line each (empty when there are none). */
export function failureLines(failures: readonly RuntimeFailure[]): string {
  return failures
    .map(
      (f) =>
        `FAILED in ${runtimeLabel(f.runtime)}: ${f.workload}/${f.strategy}/${f.api}: ${f.error}`,
    )
    .join("\n");
}

/** The goals section of one runtime: each goal marked met, missed or not measured, with its figures. */
export function goalLines(runtime: string, goals: readonly GoalStatus[]): string {
  const lines = goals.map(
    (g) => `  ${g.state.padEnd(12)} ${g.goal}\n${" ".repeat(15)}${g.figures}`,
  );
  return `Goals (${runtime}; ratios within this run)\n${lines.join("\n")}`;
}
