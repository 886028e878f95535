/**
 * The lines the test command lists for the spec app's JSON report (`spec-results.json`): one per
 * strategy with failures (the `js-api` reference left out, and any strategy marked `reference`),
 * naming how many failed and the first `max` of them (where, command, expected, got).
 *
 * @param {{ strategies: Record<string, { failed: number, reference?: boolean }>,
 *   files?: Record<string, Record<string, { failures?: Array<{ where: string, command: string,
 *   expected: string, actual: string }> }>> }} report
 * @param {number} [max]
 * @returns {string[]}
 */
export function specFailures(report, max = 3) {
  const lines = [];
  for (const [name, counts] of Object.entries(report.strategies)) {
    if (name === "js-api" || counts.reference === true || counts.failed === 0) continue;
    const first = Object.values(report.files ?? {})
      .flatMap((file) => file[name]?.failures ?? [])
      .slice(0, max)
      .map((f) => `${f.where} ${f.command}: expected ${f.expected}, got ${f.actual}`);
    const listed = first.length === 0 ? "" : `, first: ${first.join("; ")}`;
    lines.push(`spec app, ${name}: ${counts.failed} failed${listed}`);
  }
  return lines;
}
