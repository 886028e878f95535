import { runGuestPasses } from "../guest/guest-passes.js";
import { summarize } from "../measure/timing.js";
import type { PassRequest } from "../pass.js";
import type { WorkloadPlan } from "../plan.js";
import { barChart } from "../report/bar-chart.js";
import { escapeHtml } from "../report/escape-html.js";
import { formatNs } from "../report/format.js";
import { jsonReport } from "../report/report-json.js";
import { REPORT_STYLE } from "../report/report-style.js";
import { colorLegend } from "../report/strategy-colors.js";
import { runReport } from "../run-report.js";
import { runtimeLabel } from "../runtime-id.js";
import { browserRuntime } from "./browser-runtime.js";
import { downloadJson } from "./download-json.js";
import { formHtml, readSelection } from "./form.js";
import { LiveResults } from "./live-results.js";
import { PAGE_STYLE } from "./page-style.js";
import { BUDGETS, planSelection } from "./selection.js";

/** The state the status line shows, also as its `data-state`. */
type State = "idle" | "running" | "done" | "stopped" | "failed";

const element = <T extends Element>(selector: string): T => {
  const found = document.querySelector<T>(selector);
  if (found === null) throw new Error(`the page has no ${selector}`);
  return found;
};

const runtime = browserRuntime(navigator.userAgent);
let binaries: Record<string, number[]> = {};
let report: ReturnType<typeof jsonReport> | undefined;
let controller: AbortController | undefined;

function setStatus(state: State, text: string): void {
  const status = element<HTMLElement>("#status");
  status.dataset.state = state;
  status.textContent = text;
}

/** Empty sections for the plans' charts, in order. */
function showSections(plans: readonly WorkloadPlan[]): void {
  element("#results").innerHTML = plans
    .map(
      ({ workload: w }) =>
        `<section id="w-${w.name}"><h2>${escapeHtml(w.name)}</h2><p class="summary">${escapeHtml(w.summary)}</p><div class="chart"></div></section>`,
    )
    .join("\n");
}

/** Runs the form's selection, each pass in a fresh worker, and draws the charts as it goes. */
async function run(): Promise<void> {
  const selection = readSelection(element<HTMLFormElement>("#choices"));
  const budget =
    BUDGETS[selection.budget] ?? (BUDGETS.glance as NonNullable<typeof BUDGETS.glance>);
  const plans = planSelection(selection);
  if (plans.length === 0) {
    setStatus("failed", "Choose at least one workload and one strategy.");
    return;
  }
  const passes: PassRequest[] = plans.flatMap((plan) =>
    Array.from({ length: budget.passes }, (_, pass) => ({
      workload: plan.workload.name,
      binary: binaries[plan.workload.name] ?? [],
      ids: plan.ids,
      pass,
      budget,
    })),
  );
  const live = new LiveResults(runtime, plans);
  const total = passes.reduce((n, p) => n + p.ids.length, 0);
  const progress = element<HTMLProgressElement>("#progress");
  progress.max = total;
  progress.value = 0;
  showSections(plans);
  controller = new AbortController();
  setButtons(true);
  setStatus("running", `Measuring ${total} contestant passes in ${runtimeLabel(runtime)}…`);
  let done = 0;
  const noAllocation = await runGuestPasses(
    { passes, workerUrl: "pass-worker.js" },
    async (message) => {
      const request = passes[message.index] as PassRequest;
      if ("error" in message) {
        live.addPassError(request.workload, request.pass, message.error);
        return;
      }
      live.add(message.message);
      done += 1;
      progress.value = done;
      const m = message.message;
      const name =
        m.kind === "measured"
          ? `${m.figures.workload}/${m.figures.strategy}/${m.figures.api}: ${formatNs(summarize(m.figures.samples).p50)} ns`
          : `${m.failure.workload}/${m.failure.strategy}/${m.failure.api} failed`;
      setStatus(
        "running",
        `${done}/${total} (pass ${request.pass + 1} of ${budget.passes}) ${name}`,
      );
      const chart = document.querySelector(`#w-${request.workload} .chart`);
      const results = live.resultsOf(request.workload);
      if (chart !== null && results.length > 0) chart.innerHTML = barChart(results);
    },
    controller.signal,
  );
  const stopped = controller.signal.aborted;
  controller = undefined;
  report = jsonReport(
    runReport({
      mode: selection.budget,
      machine: { cpus: navigator.hardwareConcurrency, loadBefore: null, loadAfter: null },
      runtimes: [{ runtime, description: navigator.userAgent, noAllocation }],
      unavailable: [],
      measurements: live.measurements(),
      failures: live.failures(),
    }),
  );
  showFailures(live);
  setButtons(false);
  const failed = live.failures().length;
  if (stopped) setStatus("stopped", `Stopped after ${done} of ${total}.`);
  else if (failed > 0) setStatus("failed", `Done, ${failed} not measured (listed below).`);
  else setStatus("done", `Done: ${done} contestant passes in ${runtimeLabel(runtime)}.`);
}

function showFailures(live: LiveResults): void {
  const items = live
    .failures()
    .map((f) => `<li>${escapeHtml(`${f.workload}/${f.strategy}/${f.api}: ${f.error}`)}</li>`);
  element("#failures").innerHTML =
    items.length === 0 ? "" : `<h2>Not measured</h2><ul class="failures">${items.join("")}</ul>`;
}

function setButtons(running: boolean): void {
  element<HTMLButtonElement>("#run").disabled = running;
  element<HTMLButtonElement>("#stop").disabled = !running;
  element<HTMLButtonElement>("#download").disabled = running || report === undefined;
}

/** Builds the page, loads the workloads' modules and wires the buttons. */
async function start(): Promise<void> {
  const style = document.createElement("style");
  style.textContent = REPORT_STYLE + PAGE_STYLE;
  document.head.append(style);
  element("#app").innerHTML = `<h1>wasmcall bench in this browser</h1>
<p class="meta">${escapeHtml(runtimeLabel(runtime))}: every strategy against the raw WebAssembly JS API call, each pass of each workload in a fresh worker. Bars: median ns per call (whisker p25–p75), labels: ratio to the raw call; bytes per call are not measured in a browser.</p>
${formHtml()}
<progress id="progress" value="0" max="1"></progress>
<p id="status" data-state="idle"></p>
<p class="legend">${colorLegend()}</p>
<div id="results"></div>
<div id="failures"></div>`;
  binaries = (await (await fetch("workloads.json")).json()) as Record<string, number[]>;
  element<HTMLFormElement>("#choices").addEventListener("submit", (event) => {
    event.preventDefault();
    run().catch((error: unknown) => {
      setButtons(false);
      setStatus("failed", error instanceof Error ? error.message : String(error));
    });
  });
  element("#stop").addEventListener("click", () => controller?.abort());
  element("#download").addEventListener("click", () => {
    if (report !== undefined) downloadJson(`wasmcall-bench-${runtime.name}.json`, report);
  });
  setStatus("idle", "Choose, then Run.");
}

await start();
