import { writeFileSync } from "node:fs";
import { formatBytes, formatNs } from "./format.js";
import { evaluateGoals } from "./goals.js";
import { machineLoad, runtimeName } from "./machine.js";
import { FULL_BUDGET, QUICK_BUDGET, summarize } from "./measure.js";
import { parseOptions, USAGE } from "./options.js";
import { planRun } from "./plan.js";
import { htmlReport } from "./report-html.js";
import { jsonReport } from "./report-json.js";
import { failureLines, goalLines, resultTables } from "./report-table.js";
import { withRatios } from "./results.js";
import { runAll } from "./run-all.js";
import { runPass, type WorkerMessage } from "./worker.js";

/** The bench's entry point: runs the whole comparison, or one workload as a worker. */
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  if (typeof (globalThis as { gc?: unknown }).gc !== "function") {
    throw new Error("the bench measures allocation with gc(): run node with --expose-gc");
  }
  const budget = options.quick ? QUICK_BUDGET : FULL_BUDGET;
  const plans = planRun(options.filter);
  if (options.worker !== undefined) {
    const plan = plans.find((p) => p.workload.name === options.worker);
    if (plan === undefined) throw new Error(`nothing to run for workload ${options.worker}`);
    await runPass(plan, options.pass, budget, (message) => process.send?.(message));
    return;
  }
  if (plans.length === 0) throw new Error(`no contestant matches --filter ${options.filter}`);

  const runtime = runtimeName();
  const mode = options.quick ? "quick" : "full";
  const contestants = plans.reduce((n, p) => n + p.ids.length, 0);
  const total = contestants * budget.passes;
  const before = machineLoad();
  console.error(
    `wasmcall bench, ${mode} run on ${runtime}, ${before.cpus} CPUs, load ${before.load.toFixed(2)}: ` +
      `${contestants} contestants, ${budget.passes} passes each`,
  );
  const started = performance.now();
  let done = 0;
  const workerArgs = [
    ...(options.quick ? ["--quick"] : []),
    ...(options.filter === undefined ? [] : ["--filter", options.filter.source]),
  ];
  const outcome = await runAll(plans, budget, workerArgs, (message, pass) => {
    done += 1;
    const counter = `[${String(done).padStart(String(total).length)}/${total}]`;
    console.error(`${counter} pass ${pass + 1}: ${progressLine(message)}`);
  });
  const seconds = (performance.now() - started) / 1000;
  const after = machineLoad();
  const load = `load ${before.load.toFixed(2)} before, ${after.load.toFixed(2)} after, on ${after.cpus} CPUs`;

  const results = withRatios(outcome.measurements);
  const goals = evaluateGoals(results, outcome.failures);
  const workloads = plans.map((p) => p.workload);
  console.log(`\n${resultTables(workloads, results)}\n`);
  const failed = failureLines(outcome.failures);
  if (failed !== "") console.log(`${failed}\n`);
  console.log(goalLines(runtime, goals));
  console.log(
    `\n${contestants} contestants, ${budget.passes} passes, in ${seconds.toFixed(1)} s (${load})`,
  );
  if (options.json !== undefined) {
    const machine = { cpus: after.cpus, loadBefore: before.load, loadAfter: after.load };
    const report = jsonReport(runtime, mode, machine, results, outcome.failures, goals);
    writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`JSON written to ${options.json}`);
  }
  if (options.report !== undefined) {
    const page = htmlReport(
      `${runtime}, ${mode} run, ${load}`,
      workloads,
      results,
      outcome.failures,
      goals,
    );
    writeFileSync(options.report, page);
    console.log(`HTML report written to ${options.report}`);
  }
  if (outcome.failures.length > 0) process.exitCode = 1;
}

function progressLine(message: WorkerMessage): string {
  if (message.kind === "failed") {
    const f = message.failure;
    return `${f.workload}/${f.strategy}/${f.api}: FAILED ${f.error}`;
  }
  const f = message.figures;
  const name = `${f.workload}/${f.strategy}/${f.api}`.padEnd(44);
  const bytes =
    f.bytesPerCall === undefined ? "" : ` ${formatBytes(f.bytesPerCall).padStart(7)} B/call`;
  return `${name} ${formatNs(summarize(f.samples).p50).padStart(7)} ns/call${bytes}`;
}

await main();
