import { parseArgs } from "node:util";
import { parseRuntimeList, type RuntimeName } from "@wasmcall/host-runtimes";

/** The command line of the bench. */
export interface Options {
  /** Measure briefly: the whole matrix in under a minute on Node (CI smoke, checking goals). */
  readonly quick: boolean;
  /** Only contestants whose `workload/strategy/api` matches (their references run too). */
  readonly filter: RegExp | undefined;
  /** The runtimes to measure in, in order (`node` when not given). */
  readonly runtimes: readonly RuntimeName[];
  /** Where to write the results as JSON, if anywhere. */
  readonly json: string | undefined;
  /** Where to write the HTML report, if anywhere. */
  readonly report: string | undefined;
  /** Print the usage and stop. */
  readonly help: boolean;
}

/** What `--help` prints. */
export const USAGE = `Usage: pnpm bench [-- options]

Measures every call strategy against the raw JS API call on the same workloads: ns per call
(median, p25-p75), bytes allocated per call, ratios to raw and to the baseline, and the goals,
in one runtime or several side by side.

Options:
  --quick          measure briefly: the whole matrix in under a minute on Node
  --filter REGEX   only contestants whose workload/strategy/api matches, e.g. 'add-i32',
                   'funcstorage/native', '/closures$', '^host-'; the raw calls (raw/native,
                   raw/apply, raw/spread) and the baseline always run as references
  --runtime NAMES  where to measure, comma-separated, or 'all': node (the default: the Node
                   running the bench), node22, node24, node26, bun, deno, chromium, firefox;
                   missing runtimes are installed first
  --json FILE      write the results as JSON
  --report FILE    write a standalone HTML report (bar charts, or with several runtimes a
                   side-by-side table per workload)
  --help           print this`;

/**
 * Reads the command line (the arguments after the script). A `--` that pnpm passes on is
 * ignored.
 *
 * @throws {TypeError} for an unknown option or a missing value.
 * @throws {SyntaxError} for a filter that is not a regular expression.
 * @throws {Error} for an unknown runtime.
 */
export function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== "--"),
    options: {
      quick: { type: "boolean", default: false },
      filter: { type: "string" },
      runtime: { type: "string", default: "node" },
      json: { type: "string" },
      report: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    quick: values.quick,
    filter: values.filter === undefined ? undefined : new RegExp(values.filter),
    runtimes: parseRuntimeList(values.runtime),
    json: values.json,
    report: values.report,
    help: values.help,
  };
}
