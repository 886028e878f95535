import { existsSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureRuntime, findRepoRoot, runGuest } from "@wasmcall/host-runtimes";
import { prepareSuite } from "@wasmcall/spec/convert";
import { formatFailures } from "./format-failures.js";
import { formatMatrix } from "./format-matrix.js";
import { toJson } from "./matrix-json.js";
import { type Options, parseOptions, USAGE } from "./options.js";
import { runMatrix } from "./run-matrix.js";
import { planSuites } from "./suite.js";

/** Where the command line's text goes: the report, and progress and errors. */
export interface Output {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/**
 * Runs the command line `argv` and returns the exit status: 0 when every cell passed, 1 when
 * one failed (or a runtime could not be started, or a suite gave no result), 2 for a bad
 * command line or a missing spec folder.
 */
export async function runCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  output: Output,
): Promise<number> {
  const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
  let options: Options;
  try {
    options = parseOptions(argv, env, process.cwd(), repoRoot);
  } catch (error) {
    output.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    output.out(USAGE);
    return 0;
  }
  if (!options.skipSpec && !existsSync(options.dir)) {
    output.err(`no spec testsuite at ${options.dir}: pass --dir, set WASM_SPEC_DIR or --skip-spec`);
    return 2;
  }
  if (!options.skipSpec && !existsSync(options.dir3)) {
    output.err(
      `no 3.0 spec testsuite at ${options.dir3}: pass --dir3, set WASM_SPEC3_DIR or --skip-spec`,
    );
    return 2;
  }
  let dir3 = options.dir3;
  if (!options.skipSpec) {
    try {
      dir3 = await prepareSuite(options.dir3);
    } catch (error) {
      output.err(`${options.dir3}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  const suites = planSuites({ ...options, dir3 });
  const suiteNames = suites.map((suite) => suite.name);
  output.err(`runtimes: ${options.runtimes.join(", ")}; suites: ${suiteNames.join(", ")}`);
  const outcomes = await runMatrix(
    options.runtimes,
    suites,
    {
      ensureRuntime,
      runGuest,
      progress: output.err,
      onMessage: options.verbose
        ? (runtime, suite, message) =>
            output.err(
              `  ${runtime} ${suite}: ${typeof message === "string" ? message : JSON.stringify(message)}`,
            )
        : undefined,
    },
    options.timeoutMs,
  );
  const report = toJson(outcomes, suiteNames);
  output.out(`\n${formatMatrix(outcomes, suiteNames)}`);
  const failures = formatFailures(outcomes, suiteNames, options.maxFailures);
  if (failures !== "") output.out(`\n${failures}`);
  output.out(`\n${report.passed} passed, ${report.failed} failed`);
  if (options.json !== undefined) {
    writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
    output.out(`JSON report: ${options.json}`);
  }
  return report.failed > 0 ? 1 : 0;
}
