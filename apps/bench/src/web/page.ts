import { runGuestPasses } from "../guest/guest-passes.js";
import type { PassRequest } from "../pass.js";
import { type JsonReport, jsonReport } from "../report/report-json.js";
import { runReport } from "../run-report.js";
import { runtimeLabel } from "../runtime-id.js";
import { fullBrowserRuntime, type UserAgentData } from "./browser-runtime.js";
import { downloadJson } from "./download-json.js";
import { readSelection } from "./form.js";
import { LiveResults } from "./live-results.js";
import {
  element,
  setButtons,
  setStatus,
  showChart,
  showFailures,
  showPage,
  showProgress,
  showSections,
} from "./page-view.js";
import { BUDGETS, planSelection } from "./selection.js";

const runtime = await fullBrowserRuntime(
  navigator.userAgent,
  (navigator as { userAgentData?: UserAgentData }).userAgentData,
);
let binaries: Record<string, number[]> = {};
let report: JsonReport | undefined;
let controller: AbortController | undefined;

/** Runs the form's selection, each pass in a fresh worker, and draws the charts as it goes. */
async function run(): Promise<void> {
  const selection = readSelection(element<HTMLFormElement>("#choices"));
  const budget = BUDGETS[selection.budget] ?? BUDGETS.glance;
  const plans = planSelection(selection);
  if (plans.length === 0 || budget === undefined) {
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
  let done = 0;
  showSections(plans);
  controller = new AbortController();
  setButtons(true, false);
  setStatus("running", `Measuring ${total} contestant passes in ${runtimeLabel(runtime)}…`);
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
      showProgress(done, total, `pass ${request.pass + 1} of ${budget.passes}`, message.message);
      showChart(request.workload, live.resultsOf(request.workload));
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
  showFailures(live.failures());
  setButtons(false, true);
  const failed = live.failures().length;
  if (stopped) setStatus("stopped", `Stopped after ${done} of ${total}.`);
  else if (failed > 0) setStatus("failed", `Done, ${failed} not measured (listed below).`);
  else setStatus("done", `Done: ${done} contestant passes in ${runtimeLabel(runtime)}.`);
}

/** Builds the page, loads the workloads' modules and wires the buttons. */
async function start(): Promise<void> {
  showPage(runtime);
  binaries = (await (await fetch("workloads.json")).json()) as Record<string, number[]>;
  element<HTMLFormElement>("#choices").addEventListener("submit", (event) => {
    event.preventDefault();
    run().catch((error: unknown) => {
      setButtons(false, report !== undefined);
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
