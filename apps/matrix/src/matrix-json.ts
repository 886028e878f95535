import type { EngineName } from "@wasmcall/host-runtimes";
import type { GuestCounts, GuestFailure } from "@wasmcall/host-runtimes/guest";
import { type CellCounts, countCells } from "./count-cells.js";
import type { SpecDeviation, TestDeviation } from "./engine-deviations.js";
import { type FailedCell, failedCells } from "./failed-cells.js";
import type { RuntimeOutcome, SuiteDone, SuiteError } from "./run-matrix.js";
import type { SuiteName } from "./suite.js";

/** An engine deviation in the JSON report: its fields but the suite. */
type DeviationJson = Omit<SpecDeviation, "suite"> | Omit<TestDeviation, "suite">;

/** A suite's entry in the JSON report. */
export type SuiteJson =
  | {
      /** The guest's description of its engine. */
      readonly runtime: string;
      readonly strategies: Readonly<Record<string, GuestCounts>>;
      /** Every failure the guest listed, deviations and the reference's included. */
      readonly failures: readonly GuestFailure[];
      /** The engine deviations met and how many failures each explained. */
      /**
       * The engine deviations met (their fields but the suite: a spec deviation's `script`,
       * `command` and `outcome`, a conformance one's `test` and `message`; and the `reason`)
       * and how many failures each explained, every strategy's together.
       */
      readonly engineDeviations: readonly (DeviationJson & { readonly count: number })[];
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
  /** Every failed cell, with its reason (see `failedCells`). */
  readonly failedCells: readonly FailedCell[];
}

function suiteJson(done: SuiteDone | SuiteError | undefined, runtimeError: string): SuiteJson {
  if (done === undefined) return { error: `the runtime could not be started: ${runtimeError}` };
  if ("error" in done) return { error: done.error };
  return {
    runtime: done.result.runtime,
    strategies: done.result.strategies,
    failures: done.result.failures,
    engineDeviations: done.verdict.deviations.map(({ deviation, count }) => {
      const { suite: _suite, ...fields } = deviation;
      return { ...fields, count };
    }),
  };
}

/**
 * The JSON report: per runtime its version, engine and each suite's result (or error), and the
 * passed and failed cell counts (see `countCells`), and the failed cells with their reasons.
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
  return { runtimes, ...countCells(outcomes, suites), failedCells: failedCells(outcomes, suites) };
}
