import type { FileResults, RunSummary } from "./summary.js";
import { renderTable } from "./table.js";

/**
 * The progress line of one script: `[  3/124] address   260 commands   0.31s`, then the
 * failure count of every column that has failures.
 */
export function formatProgress(
  file: FileResults,
  index: number,
  total: number,
  ms: number,
): string {
  const width = String(total).length;
  const position = `[${String(index + 1).padStart(width)}/${total}]`;
  const failing = [...file.results]
    .filter(([, result]) => result.tally.failed > 0)
    .map(([name, result]) => `${name} ${result.tally.failed}`);
  const failures = failing.length === 0 ? "" : `  failed: ${failing.join(", ")}`;
  const time = `${(ms / 1000).toFixed(2)}s`.padStart(7);
  return `${position} ${file.name.padEnd(34)} ${String(file.commands).padStart(5)} commands ${time}${failures}`;
}

/** The totals table: passed, failed and skipped commands per column. */
export function formatTotals(summary: RunSummary): string {
  const rows = summary.invokers.map((invoker) => {
    const t = summary.totals.get(invoker.name)?.tally;
    const name = invoker.reference ? `${invoker.name} (reference)` : invoker.name;
    return [name, String(t?.passed ?? 0), String(t?.failed ?? 0), String(t?.skipped ?? 0)];
  });
  return renderTable(["strategy", "passed", "failed", "skipped"], rows);
}

/** Per command kind, `passed/failed/skipped` under each column. */
export function formatKinds(summary: RunSummary): string {
  const kinds = new Set<string>();
  for (const totals of summary.totals.values())
    for (const kind of Object.keys(totals.kinds)) kinds.add(kind);
  const rows = [...kinds].sort().map((kind) => [
    kind,
    ...summary.invokers.map((invoker) => {
      const t = summary.totals.get(invoker.name)?.kinds[kind];
      return t === undefined ? "-" : `${t.passed}/${t.failed}/${t.skipped}`;
    }),
  ]);
  return renderTable(
    ["kind (passed/failed/skipped)", ...summary.invokers.map((i) => i.name)],
    rows,
  );
}

/** Per script, `passed/failed/skipped` under each column. */
export function formatFiles(summary: RunSummary): string {
  const rows = summary.files.map((file) => [
    file.name,
    ...summary.invokers.map((invoker) => {
      const t = file.results.get(invoker.name)?.tally;
      return t === undefined ? "-" : `${t.passed}/${t.failed}/${t.skipped}`;
    }),
  ]);
  return renderTable(
    ["file (passed/failed/skipped)", ...summary.invokers.map((i) => i.name)],
    rows,
  );
}

/**
 * The failures of each column, at most `max` per column (each with file:line, the command,
 * what was expected and what happened), and how many more there are.
 */
export function formatFailures(summary: RunSummary, max: number): string {
  const out: string[] = [];
  for (const invoker of summary.invokers) {
    const failures = summary.files.flatMap(
      (file) => file.results.get(invoker.name)?.failures ?? [],
    );
    if (failures.length === 0) continue;
    const label = invoker.reference ? `${invoker.name} (reference)` : invoker.name;
    out.push(`failures under ${label}: ${failures.length}`);
    for (const f of failures.slice(0, max)) {
      out.push(
        `  ${f.where}: ${f.command}`,
        `    expected: ${f.expected}`,
        `    actual:   ${f.actual}`,
      );
    }
    if (failures.length > max) out.push(`  ... and ${failures.length - max} more under ${label}`);
  }
  return out.join("\n");
}

/** The skip categories with their counts (commands, each counted once). */
export function formatSkips(summary: RunSummary): string {
  const skips = [...summary.skips()].map(([reason, n]) => `  ${n}  ${reason}`);
  return ["skipped commands, by category:", ...skips].join("\n");
}

/**
 * The run as JSON: `strategies` (totals and per-kind counts of each column), `files` (each
 * script's counts, failures and skips per column), `skips` (count per category) and the wall
 * time.
 */
export function toJson(summary: RunSummary, wallTimeMs: number): unknown {
  const strategies = Object.fromEntries(
    summary.invokers.map((invoker) => {
      const totals = summary.totals.get(invoker.name);
      return [
        invoker.name,
        { ...totals?.tally, reference: invoker.reference, kinds: totals?.kinds },
      ];
    }),
  );
  const files = Object.fromEntries(
    summary.files.map((file) => [
      file.name,
      Object.fromEntries(
        [...file.results].map(([name, r]) => [
          name,
          {
            ...r.tally,
            kinds: r.kinds,
            failures: r.failures.map(({ where, command, expected, actual }) => ({
              where,
              command,
              expected,
              actual,
            })),
            skips: r.skips,
          },
        ]),
      ),
    ]),
  );
  return {
    strategies,
    files,
    skips: Object.fromEntries(summary.skips()),
    wallTimeMs: Math.round(wallTimeMs),
  };
}
