// The project's test command. Makes every runtime ready (installing what is missing), then
// lints, typechecks, builds and tests every package through turbo (the consumer check of the
// published packages is one of those tests), runs the spec conformance app over the
// WebAssembly testsuite through every strategy, then the runtime matrix (the conformance suite
// and the spec app in every JavaScript runtime), and prints the totals as one line
// "N passed, N failed": every vitest test, one test per strategy for the spec run (passed when
// the strategy has no failure), one per cell of the matrix (runtime, suite, strategy), and one
// per lint, typecheck or build task that failed.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { specFailures } from "./spec-failures.mjs";
import { tallyVitestReport } from "./tally-vitest-report.mjs";
import { turboFailures } from "./turbo-failures.mjs";

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };
const took = [];
/** Runs one step with its output shown, and notes how long it took. */
const run = (step, command, args) => {
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: "inherit", env });
  took.push(`${step} ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return status;
};

const specJson = resolve("apps", "spec", "spec-results.json");
const turboRuns = resolve(".turbo", "runs");
rmSync(turboRuns, { recursive: true, force: true });
const matrixJson = resolve("runtime-matrix.json");
rmSync(specJson, { force: true });
rmSync(matrixJson, { force: true });
// The runtimes first, so that test files started in parallel never wait for an install.
const runtimes = run("runtime build", "turbo", [
  "run",
  "build",
  "--filter=@wasmcall/host-runtimes",
  "--output-logs=errors-only",
]);
const installed =
  runtimes === 0 ? run("runtimes", "pnpm", ["--filter", "@wasmcall/host-runtimes", "ensure"]) : 1;
const turbo = run("lint, typecheck, build and tests", "turbo", [
  "run",
  "lint",
  "typecheck",
  "test",
  "--continue",
  "--summarize",
  "--output-logs=new-only",
]);
const spec = run("spec app", "pnpm", [
  "--filter",
  "@wasmcall/spec",
  "start",
  "--",
  "--json",
  specJson,
]);
const matrix = run("runtime matrix", "pnpm", [
  "--filter",
  "@wasmcall/matrix",
  "start",
  "--",
  "--json",
  matrixJson,
]);

let passed = 0;
let failed = 0;
/**
 * What failed, each with its cause, printed after the totals so that the end of a log says what
 * to look at: a vitest test and its message, a spec strategy and its first failures, a matrix
 * cell (runtime, suite, strategy) and its reason.
 */
const failures = [];
/** The packages (by name) whose vitest report counted a failure. */
const packagesWithFailures = new Set();
for (const group of ["packages", "apps"]) {
  for (const name of existsSync(group) ? readdirSync(group) : []) {
    const file = join(group, name, "test-results.json");
    if (!existsSync(file)) continue;
    const tally = tallyVitestReport(JSON.parse(readFileSync(file, "utf8")), resolve());
    passed += tally.passed;
    failed += tally.failed;
    failures.push(...tally.failures);
    if (tally.failed > 0) {
      packagesWithFailures.add(JSON.parse(readFileSync(join(group, name, "package.json"))).name);
    }
  }
}
// A lint or typecheck task that failed has no test report: each counts as one failure.
const summaries = existsSync(turboRuns) ? readdirSync(turboRuns) : [];
if (summaries.length === 1) {
  const summary = JSON.parse(readFileSync(join(turboRuns, summaries[0]), "utf8"));
  const tasks = turboFailures(summary, packagesWithFailures);
  failed += tasks.length;
  failures.push(...tasks.map((t) => `turbo task ${t}`));
} else if (turbo !== 0) {
  failed++;
  failures.push(`turbo: exited with code ${turbo}, and wrote no run summary`);
}
if (existsSync(specJson)) {
  const report = JSON.parse(readFileSync(specJson, "utf8"));
  const failing = specFailures(report);
  const strategies = Object.entries(report.strategies).filter(
    ([name, counts]) => name !== "js-api" && counts.reference !== true,
  );
  failed += failing.length;
  passed += strategies.length - failing.length;
  failures.push(...failing);
} else {
  failed++;
  failures.push("spec app: no report written");
}
if (existsSync(matrixJson)) {
  const cells = JSON.parse(readFileSync(matrixJson, "utf8"));
  passed += cells.passed;
  failed += cells.failed;
  for (const cell of cells.failedCells) {
    const where = [cell.runtime, cell.suite, cell.strategy].filter(Boolean).join(" ");
    failures.push(`runtime matrix, ${where}: ${cell.reason}`);
  }
} else {
  failed++;
  failures.push("runtime matrix: no report written");
}
if (failures.length > 0) console.log(`failed:\n${failures.map((f) => `  ${f}`).join("\n")}`);
console.log(`took: ${took.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
const statuses = [runtimes, installed, turbo, spec, matrix];
process.exitCode = statuses.some((s) => s !== 0) || failed > 0 || passed === 0 ? 1 : 0;
