/**
 * Lays out `rows` under `header` in columns two spaces apart, with a rule under the header:
 * the first `textColumns` columns aligned left, the others (numbers) aligned right.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  textColumns = 1,
): string {
  const all = [header, ...rows];
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? "").length)));
  const line = (row: readonly string[]): string =>
    widths
      .map((width, col) => {
        const cell = row[col] ?? "";
        return col < textColumns ? cell.padEnd(width) : cell.padStart(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
