import type { GoalStatus } from "../goal-status.js";
import type { RuntimeFailure } from "../results.js";
import type { RunReport } from "../run-report.js";
import { runtimeLabel } from "../runtime-id.js";
import type { Workload } from "../workloads/workload.js";
import { barChart } from "./bar-chart.js";
import { compareTableHtml, goalMatrixHtml, summaryHtml } from "./compare-html.js";
import { escapeHtml } from "./escape-html.js";
import { REPORT_STYLE } from "./report-style.js";
import { colorLegend } from "./strategy-colors.js";

/**
 * The HTML report: a standalone page (inline CSS and SVG, nothing loaded from anywhere).
 * `context` says where and how the run was made.
 *
 * - One runtime: its goals, then a bar chart per workload (see `barChart`).
 * - Several: the ratio to raw of each strategy and of the raw call through apply and spread on
 *   add-i32 and params-and-results per runtime, the goals per runtime, then per workload a
 *   table with a row per contestant and a column per runtime, side by side.
 *
 * Failures and runtimes that could not be started close the page.
 */
export function htmlReport(
  report: RunReport,
  workloads: readonly Workload[],
  context: string,
): string {
  const runtimes = report.runtimes.map((r) => r.runtime);
  const shown = workloads
    .map((w) => ({ w, rows: report.results.filter((r) => r.workload === w.name) }))
    .filter(({ rows }) => rows.length > 0);
  let body: string;
  if (runtimes.length <= 1) {
    const sections = shown.map(
      ({ w, rows }) => `<section>${workloadHeading(w)}${barChart(rows)}</section>`,
    );
    body = `<p class="meta">Median ns per call, whisker p25–p75; dashed line: the raw JS API call (the floor); labels: ns, ratio to raw, bytes per call</p>
${goalTable(report.goals[0]?.goals ?? [])}
<p class="legend">${colorLegend()}</p>
${sections.join("\n")}`;
  } else {
    const sections = shown.map(
      ({ w, rows }) =>
        `<section>${workloadHeading(w)}${compareTableHtml(rows, runtimes)}</section>`,
    );
    body = `<h2>Ratio to the raw call</h2>
<p class="meta">Each strategy through its own API, and the same export called through apply and spread (raw/apply, raw/spread), against the raw JS API call of the same export in the same runtime</p>
${summaryHtml(report.results, runtimes)}
<h2>Goals</h2>
<p class="meta">Judged in each runtime on its own figures (hover for them)</p>
${goalMatrixHtml(report.goals, runtimes)}
<h2>Per workload</h2>
<p class="meta">Median ns per call · ratio to raw (bl: to the baseline, where there is no raw call); bars on one scale per workload, » past it; hover for the spread and bytes per call</p>
<p class="legend">${colorLegend()}</p>
${sections.join("\n")}`;
  }
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>wasmcall bench</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<h1>wasmcall bench: the cost of a call, strategy by strategy</h1>
<p class="meta">${escapeHtml(context)}</p>
${runtimeList(report)}
${body}
${failureList(report.failures)}
${unavailableList(report)}
</body>
</html>
`;
}

function workloadHeading(w: Workload): string {
  return `<h2>${escapeHtml(w.name)}</h2><p class="summary">${escapeHtml(w.summary)}</p>`;
}

function runtimeList(report: RunReport): string {
  const items = report.runtimes.map((r) => {
    const allocation =
      r.noAllocation === null ? "" : ` — bytes per call not measured: ${r.noAllocation}`;
    return `<li><b>${escapeHtml(runtimeLabel(r.runtime))}</b>: ${escapeHtml(r.description + allocation)}</li>`;
  });
  return `<ul class="runtimes">${items.join("")}</ul>`;
}

function goalTable(goals: readonly GoalStatus[]): string {
  const rows = goals.map((g) => {
    const cls = g.state.replace(" ", "-");
    return `<tr><td class="${cls}">${escapeHtml(g.state)}</td><td>${escapeHtml(g.goal)}<div class="figures">${escapeHtml(g.figures)}</div></td></tr>`;
  });
  return `<h2>Goals</h2><table class="goals">${rows.join("")}</table>`;
}

function failureList(failures: readonly RuntimeFailure[]): string {
  if (failures.length === 0) return "";
  const items = failures.map(
    (f) =>
      `<li>${escapeHtml(`${runtimeLabel(f.runtime)}: ${f.workload}/${f.strategy}/${f.api}: ${f.error}`)}</li>`,
  );
  return `<h2>Not measured</h2><ul class="failures">${items.join("")}</ul>`;
}

function unavailableList(report: RunReport): string {
  if (report.unavailable.length === 0) return "";
  const items = report.unavailable.map((u) => `<li>${escapeHtml(`${u.name}: ${u.error}`)}</li>`);
  return `<h2>Runtimes that could not be started</h2><ul class="failures">${items.join("")}</ul>`;
}
