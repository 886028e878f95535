import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { benchFiles } from "./host/bench-files.js";
import { machineLoad } from "./host/machine-load.js";
import { progressLine } from "./host/progress-line.js";
import { runAll } from "./host/run-all.js";
import { FULL_BUDGET, QUICK_BUDGET } from "./measure/budget.js";
import { type Options, parseOptions, USAGE } from "./options.js";
import { planRun } from "./plan.js";
import { compareTables, goalMatrix, summaryTable } from "./report/compare-table.js";
import { htmlReport } from "./report/report-html.js";
import { jsonReport } from "./report/report-json.js";
import { failureLines, goalLines, resultTables } from "./report/report-table.js";
import { runReport } from "./run-report.js";
import { runtimeLabel } from "./runtime-id.js";
import { workloadBinaries } from "./workloads/workload-binaries.js";

/** The bench's entry point: runs the comparison in each runtime asked for, then reports. */
async function main(): Promise<void> {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)} (see --help)`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const budget = options.quick ? QUICK_BUDGET : FULL_BUDGET;
  const plans = planRun(options.filter);
  if (plans.length === 0) throw new Error(`no contestant matches --filter ${options.filter}`);

  const mode = options.quick ? "quick" : "full";
  const contestants = plans.reduce((n, p) => n + p.ids.length, 0);
  const total = contestants * budget.passes;
  const before = machineLoad();
  console.error(
    `wasmcall bench, ${mode} run in ${options.runtimes.join(", ")}, ${before.cpus} CPUs, load ${before.load.toFixed(2)}: ` +
      `${contestants} contestants, ${budget.passes} passes each`,
  );
  const started = performance.now();
  let done = 0;
  const outcome = await runAll(
    options.runtimes,
    {
      plans,
      budget,
      binaries: await workloadBinaries(plans.map((p) => p.workload)),
      files: benchFiles(dirname(fileURLToPath(import.meta.url))),
      progress: (runtime, pass, message) => {
        done += 1;
        const counter = `[${String(done).padStart(String(total).length)}/${total}]`;
        console.error(`${counter} ${runtime.name} pass ${pass + 1}: ${progressLine(message)}`);
      },
    },
    (name) => {
      done = 0;
      console.error(`${name}: starting`);
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const after = machineLoad();
  const load = `load ${before.load.toFixed(2)} before, ${after.load.toFixed(2)} after, on ${after.cpus} CPUs`;

  const report = runReport({
    mode,
    machine: { cpus: after.cpus, loadBefore: before.load, loadAfter: after.load },
    ...outcome,
  });
  const workloads = plans.map((p) => p.workload);
  const runtimes = report.runtimes.map((r) => r.runtime);
  if (runtimes.length <= 1) {
    console.log(`\n${resultTables(workloads, report.results)}\n`);
  } else {
    console.log(`\n${compareTables(workloads, report.results, runtimes)}\n`);
    console.log(`${summaryTable(report.results, runtimes)}\n`);
  }
  const failed = failureLines(report.failures);
  if (failed !== "") console.log(`${failed}\n`);
  for (const u of report.unavailable) console.log(`NOT RUN ${u.name}: ${u.error}\n`);
  const only = report.runtimes[0];
  if (runtimes.length === 1 && only !== undefined) {
    console.log(goalLines(runtimeLabel(only.runtime), report.goals[0]?.goals ?? []));
  } else if (runtimes.length > 1) {
    console.log(goalMatrix(report.goals, runtimes));
  }
  console.log(
    `\n${contestants} contestants, ${budget.passes} passes, in ${options.runtimes.length} runtime(s), ` +
      `in ${seconds.toFixed(1)} s (${load})`,
  );
  if (options.json !== undefined) {
    writeFileSync(options.json, `${JSON.stringify(jsonReport(report), null, 2)}\n`);
    console.log(`JSON written to ${options.json}`);
  }
  if (options.report !== undefined) {
    const where = runtimes.map(runtimeLabel).join(", ") || "no runtime";
    writeFileSync(options.report, htmlReport(report, workloads, `${where}; ${mode} run, ${load}`));
    console.log(`HTML report written to ${options.report}`);
  }
  if (report.failures.length > 0 || report.unavailable.length > 0) process.exitCode = 1;
}

await main();
