import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parseRuntimeList, type RuntimeName, specSuiteDir } from "@wasmcall/host-runtimes";

/** What the command line asks for. */
export interface Options {
  /** The runtimes to run, in order. */
  readonly runtimes: readonly RuntimeName[];
  /** Where to write the JSON report (absolute), if anywhere. */
  readonly json: string | undefined;
  /** Whether to leave out the spec testsuite. */
  readonly skipSpec: boolean;
  /** The spec testsuite folder (absolute). */
  readonly dir: string;
  /** The 3.0 spec testsuite folder, its `.wast` scripts as published (absolute). */
  readonly dir3: string;
  /** The conformance guest bundle (absolute). */
  readonly conformanceGuest: string;
  /** The spec guest bundle (absolute). */
  readonly specGuest: string;
  /** How many failures to print per runtime and suite. */
  readonly maxFailures: number;
  /** How long one guest run may take, in milliseconds. */
  readonly timeoutMs: number;
  /** Whether to print the guests' progress messages. */
  readonly verbose: boolean;
  /** Whether to print the usage and stop. */
  readonly help: boolean;
}

/** The usage text. */
export const USAGE = `usage: pnpm test:runtimes [-- options]

Runs the conformance suite and the WebAssembly spec testsuites (2.0 and 3.0) in each runtime,
one after another, and prints one table: runtime x strategy -> passed, failed, skipped.

  --runtime LIST     runtimes, comma-separated, or all (default): node, node22, node24,
                     node26, bun, deno, chromium, firefox
  --skip-spec        run only the conformance suite
  --dir DIR          the spec testsuite folder (default: $WASM_SPEC_DIR, else
                     ../shared/wasm-spec-2.0, both read from the repository root)
  --dir3 DIR         the 3.0 spec testsuite's .wast scripts (default: $WASM_SPEC3_DIR, else
                     ../shared/wasm-spec-3.0, both read from the repository root), converted
                     once and cached (see the spec app)
  --json FILE        write the full report as JSON to FILE
  --conformance-guest FILE
                     the conformance guest bundle (default: packages/conformance/dist/guest.js)
  --spec-guest FILE  the spec guest bundle (default: apps/spec/dist/guest.js)
  --max-failures N   print at most N failures per runtime and suite (default 5)
  --timeout SECONDS  how long one suite may take in one runtime (default 600)
  --verbose          print the guests' progress messages
  --help             print this text

Missing runtimes are installed first: node22/24/26, bun and deno with npm into
tools/runtimes, chromium and firefox-esr with apt-get (as root). Relative paths are read
from the current directory: apps/matrix when pnpm runs the app. Exit status 1 when a cell
fails, 2 for a bad command line.`;

function wholeNumber(option: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${option} needs a whole number of at least ${min}, got ${text}`);
  }
  return value;
}

/**
 * Reads the command line `argv` (without node and the script). Relative paths are resolved
 * against `cwd`; without `--dir` the spec folder is `WASM_SPEC_DIR` from `env`, else
 * `../shared/wasm-spec-2.0`, and without `--dir3` the 3.0 one `WASM_SPEC3_DIR`, else
 * `../shared/wasm-spec-3.0`, each read from `repoRoot`; the guest bundles default to the built
 * ones in `repoRoot`.
 *
 * @throws {Error} for an unknown option or runtime, a missing value or a bad number.
 */
export function parseOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  repoRoot: string,
): Options {
  const { values } = parseArgs({
    // pnpm forwards the `--` separators it was given.
    args: argv.filter((arg) => arg !== "--"),
    options: {
      runtime: { type: "string", default: "all" },
      "skip-spec": { type: "boolean", default: false },
      dir: { type: "string" },
      dir3: { type: "string" },
      json: { type: "string" },
      "conformance-guest": { type: "string" },
      "spec-guest": { type: "string" },
      "max-failures": { type: "string", default: "5" },
      timeout: { type: "string", default: "600" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  const dir = values.dir === undefined ? specSuiteDir(env, repoRoot) : resolve(cwd, values.dir);
  const dir3 =
    values.dir3 === undefined
      ? resolve(repoRoot, env.WASM_SPEC3_DIR || "../shared/wasm-spec-3.0")
      : resolve(cwd, values.dir3);
  return {
    runtimes: parseRuntimeList(values.runtime),
    json: values.json === undefined ? undefined : resolve(cwd, values.json),
    skipSpec: values["skip-spec"],
    dir,
    dir3,
    conformanceGuest: resolve(
      cwd,
      values["conformance-guest"] ?? join(repoRoot, "packages", "conformance", "dist", "guest.js"),
    ),
    specGuest: resolve(
      cwd,
      values["spec-guest"] ?? join(repoRoot, "apps", "spec", "dist", "guest.js"),
    ),
    maxFailures: wholeNumber("--max-failures", values["max-failures"], 0),
    timeoutMs: wholeNumber("--timeout", values.timeout, 1) * 1000,
    verbose: values.verbose,
    help: values.help,
  };
}
