import { writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { findRepoRoot } from "@wasmcall/host-runtimes";
import { prepareSuite } from "./convert/index.js";
import { fileSource } from "./file-source.js";
import { selectInvokers } from "./invokers.js";
import { parseOptions, USAGE } from "./options.js";
import {
  formatFailures,
  formatFiles,
  formatKinds,
  formatProgress,
  formatSkips,
  formatTotals,
  toJson,
} from "./report.js";
import { runInRuntime } from "./run-in-runtime.js";
import { runSuite } from "./run-suite.js";
import { formatGuestResult, guestHasFailures } from "./runtime-report.js";

/** Where the command line's text goes: the report, and progress and errors. */
export interface Output {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/**
 * Runs the command line `argv` and returns the exit status: 0 when no strategy other than the
 * js-api reference has a failure, 1 when one has, 2 for a bad command line or an unreadable
 * suite. Relative paths on the command line are read from the current directory.
 */
export async function runCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  output: Output,
): Promise<number> {
  const started = performance.now();
  let options: ReturnType<typeof parseOptions>;
  let invokers: ReturnType<typeof selectInvokers>;
  try {
    const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
    options = parseOptions(argv, env, process.cwd(), repoRoot);
    invokers = selectInvokers(options.strategy);
  } catch (error) {
    output.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    output.out(USAGE);
    return 0;
  }
  output.err(`suite: ${options.dir}`);
  output.err(`strategies: ${invokers.map((i) => i.name).join(", ")}`);
  let dir: string;
  try {
    dir = await prepareSuite(options.dir);
  } catch (error) {
    output.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  if (dir !== options.dir) output.err(`converted: ${dir}`);
  if (options.runtime !== undefined) return runElsewhere(options, dir, invokers, output, started);
  let summary: Awaited<ReturnType<typeof runSuite>>;
  try {
    summary = await runSuite({
      source: fileSource(dir),
      compile: "sync",
      invokers,
      only: options.only,
      onFile: (file, index, total, ms) => output.err(formatProgress(file, index, total, ms)),
    });
  } catch (error) {
    output.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const wallTimeMs = performance.now() - started;
  const failures = formatFailures(summary, options.maxFailures);
  if (failures !== "") output.out(`\n${failures}`);
  if (options.verbose) output.out(`\n${formatFiles(summary)}\n\n${formatKinds(summary)}`);
  output.out(`\n${formatTotals(summary)}\n\n${formatSkips(summary)}`);
  output.out(`\n${summary.files.length} files in ${(wallTimeMs / 1000).toFixed(1)}s`);
  if (options.json !== undefined) {
    writeFileSync(options.json, `${JSON.stringify(toJson(summary, wallTimeMs), null, 2)}\n`);
    output.out(`JSON report: ${options.json}`);
  }
  return summary.hasFailures() ? 1 : 0;
}

/** Runs the suite in `options.runtime` through the guest bundle, and reports as the guest counted. */
async function runElsewhere(
  options: ReturnType<typeof parseOptions>,
  dir: string,
  invokers: ReturnType<typeof selectInvokers>,
  output: Output,
  started: number,
): Promise<number> {
  const runtime = options.runtime as NonNullable<typeof options.runtime>;
  let run: Awaited<ReturnType<typeof runInRuntime>>;
  try {
    run = await runInRuntime({
      runtime,
      dir,
      strategies: options.strategy === "all" ? [] : invokers.map((i) => i.name),
      scripts: options.only,
      onProgress: output.err,
    });
  } catch (error) {
    output.err(`${runtime}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const wallTimeMs = performance.now() - started;
  output.out(`\n${runtime} ${run.version}\n${formatGuestResult(run.result)}`);
  output.out(`\n${(wallTimeMs / 1000).toFixed(1)}s`);
  if (options.json !== undefined) {
    const report = { ...run.result, version: run.version, wallTimeMs: Math.round(wallTimeMs) };
    writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    output.out(`JSON report: ${options.json}`);
  }
  return guestHasFailures(run.result) ? 1 : 0;
}
