import type { EngineName } from "@wasmcall/host-runtimes";
import type { GuestCounts, GuestFailure } from "@wasmcall/host-runtimes/guest";
import { type CellCounts, countCells } from "./count-cells.js";
import type { RuntimeOutcome, SuiteDone, SuiteError } from "./run-matrix.js";
import type { SuiteName } from "./suite.js";

/** A suite's entry in the JSON report. */
export type SuiteJson =
  | {
      /** The guest's description of its engine. */
      readonly runtime: string;
      readonly strategies: Readonly<Record<string, GuestCounts>>;
      /** Every failure the guest listed, deviations and the reference's included. */
      readonly failures: readonly GuestFailure[];
      /** The engine deviations met and how many failures each explained. */
      readonly engineDeviations: readonly {
        /** The spec script (folder) it concerns. */
        readonly script: string;
        readonly command: string;
        readonly outcome: string;
        readonly reason: string;
        /** The failures it explained, every strategy's together. */
        readonly count: number;
      }[];
    }
  | { readonly error: string };

/** The JSON report of `--json FILE`. */
export interface MatrixJson extends CellCounts {
  readonly runtimes: Readonly<
    Record<
      string,
      { readonly version: string | null; readonly engine: EngineName } & Partial<
        Record<SuiteName, SuiteJson>
      >
    >
  >;
}

function suiteJson(done: SuiteDone | SuiteError | undefined, runtimeError: string): SuiteJson {
  if (done === undefined) return { error: `the runtime could not be started: ${runtimeError}` };
  if ("error" in done) return { error: done.error };
  return {
    runtime: done.result.runtime,
    strategies: done.result.strategies,
    failures: done.result.failures,
    engineDeviations: done.verdict.deviations.map(({ deviation, count }) => ({
      script: deviation.script,
      command: deviation.command,
      outcome: deviation.outcome,
      reason: deviation.reason,
      count,
    })),
  };
}

/**
 * The JSON report: per runtime its version, engine and each suite's result (or error), and the
 * passed and failed cell counts (see `countCells`).
 */
export function toJson(
  outcomes: readonly RuntimeOutcome[],
  suites: readonly SuiteName[],
): MatrixJson {
  const runtimes: MatrixJson["runtimes"] = Object.fromEntries(
    outcomes.map((outcome) => [
      outcome.name,
      {
        version: outcome.version ?? null,
        engine: outcome.engine,
        ...Object.fromEntries(
          suites.map((suite) => [suite, suiteJson(outcome.suites[suite], outcome.error ?? "")]),
        ),
      },
    ]),
  );
  return { runtimes, ...countCells(outcomes, suites) };
}
