import { escapeHtml } from "../report/escape-html.js";
import { WORKLOADS } from "../workloads/all-workloads.js";
import { BUDGETS, type Selection, STRATEGY_CHOICES } from "./selection.js";

/** The workloads checked when the page opens: the ones the goals are judged on. */
const DEFAULT_WORKLOADS = ["nop", "params-and-results", "add-i32"];

function checkbox(name: string, value: string, checked: boolean, label = value): string {
  return `<label><input type="checkbox" name="${name}" value="${escapeHtml(value)}"${checked ? " checked" : ""}> ${escapeHtml(label)}</label>`;
}

/**
 * The form of the page: the workloads (each with its signature as a tooltip), the strategies
 * (the raw calls always run), the APIs, the budget, and the buttons to run, stop and download
 * the JSON.
 */
export function formHtml(): string {
  const workloads = WORKLOADS.map(
    (w) =>
      `<span title="${escapeHtml(w.summary)}">${checkbox("workload", w.name, DEFAULT_WORKLOADS.includes(w.name))}</span>`,
  );
  const strategies = STRATEGY_CHOICES.map((s) =>
    checkbox("strategy", s, true, s === "runtime" ? "runtime (host functions)" : s),
  );
  const budgets = Object.entries(BUDGETS).map(
    ([name, b]) =>
      `<option value="${name}">${name}: ${b.passes} pass${b.passes > 1 ? "es" : ""}, ${b.sampleNs / 1e6} ms of samples each</option>`,
  );
  return `<form id="choices">
<fieldset><legend>Workloads</legend>${workloads.join("")}</fieldset>
<fieldset><legend>Strategies</legend><label><input type="checkbox" checked disabled> raw: the direct call, apply and spread (the references, always measured)</label>${strategies.join("")}</fieldset>
<fieldset><legend>APIs</legend>${checkbox("api", "native", true, "each strategy's own")}${checkbox("api", "caller", false, "the uniform Caller")}${checkbox("api", "closures", false, "closures: funcstorage's and store-amortized's own without generated code")}</fieldset>
<fieldset><legend>Budget</legend><select id="budget" name="budget">${budgets.join("")}</select></fieldset>
<div class="buttons"><button id="run" type="submit">Run</button><button id="stop" type="button" disabled>Stop</button><button id="download" type="button" disabled>Download JSON</button></div>
</form>`;
}

/** What the form says to run. */
export function readSelection(form: HTMLFormElement): Selection {
  const data = new FormData(form);
  const all = (name: string) => data.getAll(name).map(String);
  return {
    workloads: all("workload"),
    strategies: all("strategy"),
    apis: all("api"),
    budget: String(data.get("budget") ?? "glance"),
  };
}
