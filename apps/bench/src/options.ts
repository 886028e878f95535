import { parseArgs } from "node:util";

/** The command line of the bench. */
export interface Options {
  /** Measure briefly: the whole matrix in under a minute (CI smoke, checking goals). */
  readonly quick: boolean;
  /** Only contestants whose `workload/strategy/api` matches (their references run too). */
  readonly filter: RegExp | undefined;
  /** Where to write the results as JSON, if anywhere. */
  readonly json: string | undefined;
  /** Where to write the HTML report, if anywhere. */
  readonly report: string | undefined;
  /** Print the usage and stop. */
  readonly help: boolean;
  /** Internal: measure this one workload and send the results to the parent process. */
  readonly worker: string | undefined;
  /** Internal: which pass over the workload this worker makes (0 is the first). */
  readonly pass: number;
}

/** What `--help` prints. */
export const USAGE = `Usage: pnpm bench [-- options]

Measures every call strategy against the raw JS API call on the same workloads: ns per call
(median, p25-p75), bytes allocated per call, ratios to raw and to the baseline, and the goals.

Options:
  --quick          measure briefly: the whole matrix in under a minute
  --filter REGEX   only contestants whose workload/strategy/api matches, e.g. 'add-i32',
                   'funcstorage/native', '^host-'; raw and baseline always run as references
  --json FILE      write the results as JSON
  --report FILE    write a standalone HTML report with a bar chart per workload
  --help           print this`;

/**
 * Reads the command line (the arguments after the script). A `--` that pnpm passes on is
 * ignored.
 *
 * @throws {TypeError} for an unknown option or a missing value.
 * @throws {SyntaxError} for a filter that is not a regular expression.
 */
export function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== "--"),
    options: {
      quick: { type: "boolean", default: false },
      filter: { type: "string" },
      json: { type: "string" },
      report: { type: "string" },
      help: { type: "boolean", default: false },
      worker: { type: "string" },
      pass: { type: "string", default: "0" },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    quick: values.quick,
    filter: values.filter === undefined ? undefined : new RegExp(values.filter),
    json: values.json,
    report: values.report,
    help: values.help,
    worker: values.worker,
    pass: Number(values.pass),
  };
}
