import type { StrategyVerdict } from "./judge-suite.js";
import type { RuntimeOutcome } from "./run-matrix.js";
import { REFERENCE_STRATEGY, type SuiteName } from "./suite.js";
import { renderTable } from "./table.js";

const HEADER: Readonly<Record<SuiteName, readonly string[]>> = {
  conformance: ["conf passed", "conf failed", "conf skipped"],
  spec: ["spec passed", "spec failed", "spec skipped"],
  spec3: ["spec3 passed", "spec3 failed", "spec3 skipped"],
};

function cells(verdict: StrategyVerdict | undefined): string[] {
  if (verdict === undefined) return ["-", "-", "-"];
  const { passed, skipped } = verdict.counts;
  return [String(passed), String(verdict.failed), String(skipped)];
}

function rowsOf(outcome: RuntimeOutcome, suites: readonly SuiteName[]): string[][] {
  const runtime = [outcome.name, outcome.version ?? "-", outcome.engine];
  if (outcome.error !== undefined) {
    return [[...runtime, "cannot be started", ...suites.flatMap(() => ["-", "-", "-"]), "-"]];
  }
  const verdicts = new Map<string, Map<SuiteName, StrategyVerdict>>();
  for (const suite of suites) {
    const done = outcome.suites[suite];
    if (done === undefined || "error" in done) continue;
    for (const verdict of done.verdict.strategies) {
      const row = verdicts.get(verdict.strategy) ?? new Map<SuiteName, StrategyVerdict>();
      row.set(suite, verdict);
      verdicts.set(verdict.strategy, row);
    }
  }
  const rows: string[][] = [...verdicts].map(([strategy, bySuite]) => {
    const label = strategy === REFERENCE_STRATEGY ? `${strategy} (reference)` : strategy;
    const deviations = [...bySuite.values()].reduce((sum, v) => sum + v.deviations, 0);
    return [
      ...runtime,
      label,
      ...suites.flatMap((suite) => cells(bySuite.get(suite))),
      deviations === 0 ? "" : String(deviations),
    ];
  });
  const errors = suites.filter((suite) => {
    const done = outcome.suites[suite];
    return done !== undefined && "error" in done;
  });
  if (errors.length > 0) {
    rows.push([
      ...runtime,
      `no result: ${errors.join(", ")}`,
      ...suites.flatMap((suite) => (errors.includes(suite) ? ["error", "-", "-"] : ["", "", ""])),
      "",
    ]);
  }
  return rows.map((row, index) => (index === 0 ? row : ["", "", "", ...row.slice(3)]));
}

/**
 * The matrix as one table: a row per runtime and strategy (the runtime's name, version and
 * engine on its first row), passed/failed/skipped of each suite, and the failures explained by
 * an engine deviation (not counted as failed). A runtime that cannot be started and a suite
 * without a result have a row saying so.
 */
export function formatMatrix(
  outcomes: readonly RuntimeOutcome[],
  suites: readonly SuiteName[],
): string {
  const header = [
    "runtime",
    "version",
    "engine",
    "strategy",
    ...suites.flatMap((suite) => HEADER[suite]),
    "engine deviations",
  ];
  return renderTable(
    header,
    outcomes.flatMap((outcome) => rowsOf(outcome, suites)),
    4,
  );
}
