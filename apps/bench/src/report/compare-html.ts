import type { Result } from "../results.js";
import type { RuntimeGoals } from "../run-report.js";
import type { RuntimeId } from "../runtime-id.js";
import { contestantsOf } from "./compare-table.js";
import { escapeHtml } from "./escape-html.js";
import { formatBytes, formatNs, formatRatio } from "./format.js";
import { ratioSummary } from "./ratio-summary.js";
import { apiOpacity, strategyColor } from "./strategy-colors.js";

/** The header row of a table with a column per runtime: name, version below. */
function runtimeHeader(first: string, runtimes: readonly RuntimeId[]): string {
  const cells = runtimes.map(
    (r) => `<th>${escapeHtml(r.name)}<div class="version">${escapeHtml(r.version)}</div></th>`,
  );
  return `<tr><th class="first">${escapeHtml(first)}</th>${cells.join("")}</tr>`;
}

/**
 * One workload's results in every runtime, side by side: a row per contestant, a column per
 * runtime, each cell its ns per call and ratio to raw over a bar on a scale shared by the
 * whole table (the baseline, often a hundred times slower, is cut off the scale and marked
 * `»`). The cell's tooltip gives the spread and the bytes per call.
 */
export function compareTableHtml(rows: readonly Result[], runtimes: readonly RuntimeId[]): string {
  const scaled = rows.filter((r) => r.strategy !== "baseline");
  const max = Math.max(...(scaled.length > 0 ? scaled : rows).map((r) => r.nsPerCall));
  const body = contestantsOf(rows).map((id) => {
    const cells = runtimes.map((runtime) => {
      const r = rows.find(
        (x) => x.runtime.name === runtime.name && x.strategy === id.strategy && x.api === id.api,
      );
      return r === undefined ? `<td class="cell none">-</td>` : resultCell(r, max);
    });
    return `<tr><th class="first">${escapeHtml(`${id.strategy} · ${id.api}`)}</th>${cells.join("")}</tr>`;
  });
  return `<table class="compare">${runtimeHeader("contestant", runtimes)}${body.join("")}</table>`;
}

function resultCell(r: Result, max: number): string {
  const offScale = r.nsPerCall > max;
  const width = Math.round(Math.min(1, r.nsPerCall / max) * 1000) / 10;
  // Without a raw call (v128) the ratio to the baseline stands in, except on the baseline.
  const ratio =
    r.ratioToRaw !== null
      ? ` · ${formatRatio(r.ratioToRaw)}`
      : r.ratioToBaseline === null || r.strategy === "baseline"
        ? ""
        : ` · ${formatRatio(r.ratioToBaseline)} bl`;
  const bytes = r.bytesPerCall === null ? "bytes n/a" : `${formatBytes(r.bytesPerCall)} B/call`;
  const tip = `p25-p75 ${formatNs(r.timing.p25)}-${formatNs(r.timing.p75)} ns, ${bytes}`;
  const opacity = 0.45 * apiOpacity(r.api);
  return (
    `<td class="cell" title="${escapeHtml(tip)}"><span class="bar" style="width:${width}%;background:${strategyColor(r.strategy)};opacity:${opacity}"></span>` +
    `<span class="num">${formatNs(r.nsPerCall)} ns${ratio}${offScale ? " »" : ""}</span></td>`
  );
}

/**
 * The summary as an HTML table: the ratio to raw of the raw call through apply and spread and
 * of each strategy (its own API) on the summary's workloads, per runtime.
 */
export function summaryHtml(results: readonly Result[], runtimes: readonly RuntimeId[]): string {
  const body = ratioSummary(results, runtimes).map((row) => {
    const cells = row.ratios.map((r) => `<td>${formatRatio(r)}</td>`);
    return `<tr><th class="first">${escapeHtml(`${row.contestant} · ${row.workload}`)}</th>${cells.join("")}</tr>`;
  });
  return `<table class="summary">${runtimeHeader("contestant · workload", runtimes)}${body.join("")}</table>`;
}

/** The goals as an HTML table: a row per goal, its state in each runtime (figures as tooltip). */
export function goalMatrixHtml(
  goals: readonly RuntimeGoals[],
  runtimes: readonly RuntimeId[],
): string {
  const first = goals[0]?.goals ?? [];
  const body = first.map((g, i) => {
    const cells = runtimes.map((runtime) => {
      const status = goals.find((x) => x.runtime === runtime.name)?.goals[i];
      if (status === undefined) return `<td class="not-measured">-</td>`;
      const cls = status.state.replace(" ", "-");
      const text = status.state === "not measured" ? "-" : status.state;
      return `<td class="${cls}" title="${escapeHtml(status.figures)}">${escapeHtml(text)}</td>`;
    });
    return `<tr><th class="first">${escapeHtml(g.goal)}</th>${cells.join("")}</tr>`;
  });
  return `<table class="goal-matrix">${runtimeHeader("goal", runtimes)}${body.join("")}</table>`;
}
