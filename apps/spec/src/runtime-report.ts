import type { GuestSuiteResult } from "@wasmcall/host-runtimes/guest";
import { jsApi } from "./js-api-caller.js";
import { renderTable } from "./table.js";

/**
 * A guest's result as the command line prints it: its failures (as many as the guest lists),
 * the totals per strategy, and the skips by category, each with its count per strategy.
 */
export function formatGuestResult(result: GuestSuiteResult): string {
  const names = Object.keys(result.strategies);
  const out: string[] = [];
  for (const f of result.failures) out.push(`  ${f.strategy}: ${f.name}: ${f.message}`);
  if (out.length > 0) out.unshift(`failures (at most ${result.failures.length} listed):`, "");
  const rows = names.map((name) => {
    const { passed, failed, skipped } = result.strategies[name] ?? {
      passed: 0,
      failed: 0,
      skipped: 0,
    };
    const label = name === jsApi.name ? `${name} (reference)` : name;
    return [label, String(passed), String(failed), String(skipped)];
  });
  out.push("", renderTable(["strategy", "passed", "failed", "skipped"], rows));
  const reasons = [
    ...new Set(names.flatMap((n) => Object.keys(result.strategies[n]?.skips ?? {}))),
  ];
  if (reasons.length > 0) {
    const skipRows = reasons
      .sort()
      .map((reason) => [
        reason,
        ...names.map((n) => String(result.strategies[n]?.skips?.[reason] ?? 0)),
      ]);
    out.push("", "skipped commands, by category:", renderTable(["category", ...names], skipRows));
  }
  return out.join("\n");
}

/** Whether any strategy but the reference failed a command. */
export function guestHasFailures(result: GuestSuiteResult): boolean {
  return Object.entries(result.strategies).some(
    ([name, counts]) => name !== jsApi.name && counts.failed > 0,
  );
}
