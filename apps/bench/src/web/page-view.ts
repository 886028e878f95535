import { summarize } from "../measure/timing.js";
import type { PassMessage } from "../pass.js";
import type { WorkloadPlan } from "../plan.js";
import { barChart } from "../report/bar-chart.js";
import { escapeHtml } from "../report/escape-html.js";
import { formatNs } from "../report/format.js";
import { REPORT_STYLE } from "../report/report-style.js";
import { colorLegend } from "../report/strategy-colors.js";
import type { Result, RuntimeFailure } from "../results.js";
import { type RuntimeId, runtimeLabel } from "../runtime-id.js";
import { formHtml } from "./form.js";
import { PAGE_STYLE } from "./page-style.js";

/** The state the status line shows, also as its `data-state` (tests wait for it). */
export type PageState = "idle" | "running" | "done" | "stopped" | "failed";

/**
 * The element `selector` finds.
 *
 * @throws {Error} when the page has none.
 */
export function element<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (found === null) throw new Error(`the page has no ${selector}`);
  return found;
}

/** Fills the page: its style, heading, form, progress bar, status line and legend. */
export function showPage(runtime: RuntimeId): void {
  const style = document.createElement("style");
  style.textContent = REPORT_STYLE + PAGE_STYLE;
  document.head.append(style);
  element("#app").innerHTML = `<h1>wasmcall bench in this browser</h1>
<p class="meta">${escapeHtml(runtimeLabel(runtime))}: every strategy against the raw WebAssembly JS API call (and the same export called through apply and spread), each pass of each workload in a fresh worker. Bars: median ns per call (whisker p25–p75), labels: ratio to the raw call; bytes per call are not measured in a browser.</p>
${formHtml()}
<progress id="progress" value="0" max="1"></progress>
<p id="status" data-state="idle"></p>
<p class="legend">${colorLegend()}</p>
<div id="results"></div>
<div id="failures"></div>`;
}

/** Sets the status line. */
export function setStatus(state: PageState, text: string): void {
  const status = element<HTMLElement>("#status");
  status.dataset.state = state;
  status.textContent = text;
}

/** Enables the buttons for a page that is running or not, and has a report or not. */
export function setButtons(running: boolean, hasReport: boolean): void {
  element<HTMLButtonElement>("#run").disabled = running;
  element<HTMLButtonElement>("#stop").disabled = !running;
  element<HTMLButtonElement>("#download").disabled = running || !hasReport;
}

/** Empty sections for the plans' charts, in order (`#w-<workload>`). */
export function showSections(plans: readonly WorkloadPlan[]): void {
  element("#results").innerHTML = plans
    .map(
      ({ workload: w }) =>
        `<section id="w-${w.name}"><h2>${escapeHtml(w.name)}</h2><p class="summary">${escapeHtml(w.summary)}</p><div class="chart"></div></section>`,
    )
    .join("\n");
}

/** Draws the chart of `workload` from its results so far. */
export function showChart(workload: string, results: readonly Result[]): void {
  const chart = document.querySelector(`#w-${workload} .chart`);
  if (chart !== null && results.length > 0) chart.innerHTML = barChart(results);
}

/** Sets the progress bar, and the status line to the contestant just measured. */
export function showProgress(done: number, total: number, pass: string, m: PassMessage): void {
  const progress = element<HTMLProgressElement>("#progress");
  progress.max = total;
  progress.value = done;
  const name =
    m.kind === "measured"
      ? `${m.figures.workload}/${m.figures.strategy}/${m.figures.api}: ${formatNs(summarize(m.figures.samples).p50)} ns`
      : `${m.failure.workload}/${m.failure.strategy}/${m.failure.api} failed`;
  setStatus("running", `${done}/${total} (${pass}) ${name}`);
}

/** Lists what could not be measured, under the charts. */
export function showFailures(failures: readonly RuntimeFailure[]): void {
  const items = failures.map(
    (f) => `<li>${escapeHtml(`${f.workload}/${f.strategy}/${f.api}: ${f.error}`)}</li>`,
  );
  element("#failures").innerHTML =
    items.length === 0 ? "" : `<h2>Not measured</h2><ul class="failures">${items.join("")}</ul>`;
}
