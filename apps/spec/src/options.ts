import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isRuntimeName, type RuntimeName, specSuiteDir } from "@wasmcall/host-runtimes";

/** What the command line asks for. */
export interface Options {
  /** The suite folder (absolute). */
  readonly dir: string;
  /** A strategy name, `js-api`, or `all`. */
  readonly strategy: string;
  /** The runtime to run in through the guest bundle; this Node itself when absent. */
  readonly runtime: RuntimeName | undefined;
  /** Only these scripts (folder names), when not empty. */
  readonly only: readonly string[];
  /** Whether to print the per-file and per-kind tables. */
  readonly verbose: boolean;
  /** How many failures to print per strategy. */
  readonly maxFailures: number;
  /** Where to write the JSON report (absolute), if anywhere. */
  readonly json: string | undefined;
  /** Whether to print the usage and stop. */
  readonly help: boolean;
}

/** The usage text. */
export const USAGE = `usage: pnpm spec [-- options] [script ...]

Runs the WebAssembly spec testsuite through the call strategies.

  --dir DIR          the suite folder (default: $WASM_SPEC_DIR, else ../shared/wasm-spec-2.0,
                     both read from the repository root): the WebAssembly testsuite
                     (https://github.com/WebAssembly/testsuite) converted by wast2json, one
                     folder per script, or its .wast scripts as published (the 3.0 suite:
                     converted first, text modules assembled by wasm-tools, and cached)
  --runtime NAME     run in this runtime through the guest bundle: node, node22, node24,
                     node26, bun, deno, chromium, firefox (default: this Node, in process)
  --strategy NAME    a strategy, js-api (the plain JS API, for reference) or all (default)
  --verbose          also print the tables per file and per command kind
  --max-failures N   print at most N failures per strategy (default 20)
  --json FILE        write the full report as JSON to FILE
  --help             print this text
  script ...         run only these scripts (folder names, e.g. i32 simd_f32x4)

Relative --dir and --json paths are read from the current directory: apps/spec when pnpm
runs the app.`;

/**
 * Reads the command line `argv` (without node and the script). Relative `--dir` and `--json`
 * paths are resolved against `cwd`; without `--dir` the suite is `WASM_SPEC_DIR` from `env`,
 * else `../shared/wasm-spec-2.0`, either read from `repoRoot` (pnpm runs the app inside its
 * own folder, not where it was started).
 *
 * @throws {Error} for an unknown option or runtime, a missing value or a bad number.
 */
export function parseOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  repoRoot: string,
): Options {
  const { values, positionals } = parseArgs({
    // pnpm forwards the `--` separators it was given (`pnpm spec -- --x` arrives as `-- -- --x`).
    args: argv.filter((arg) => arg !== "--"),
    allowPositionals: true,
    options: {
      dir: { type: "string" },
      strategy: { type: "string", default: "all" },
      runtime: { type: "string" },
      verbose: { type: "boolean", default: false },
      "max-failures": { type: "string", default: "20" },
      json: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  const maxFailures = Number(values["max-failures"]);
  if (!Number.isInteger(maxFailures) || maxFailures < 0) {
    throw new Error(`--max-failures needs a whole number, got ${values["max-failures"]}`);
  }
  const { runtime } = values;
  if (runtime !== undefined && !isRuntimeName(runtime)) {
    throw new Error(`unknown runtime ${JSON.stringify(runtime)}`);
  }
  const dir = values.dir === undefined ? specSuiteDir(env, repoRoot) : resolve(cwd, values.dir);
  return {
    dir,
    strategy: values.strategy,
    runtime,
    only: positionals,
    verbose: values.verbose,
    maxFailures,
    json: values.json === undefined ? undefined : resolve(cwd, values.json),
    help: values.help,
  };
}
