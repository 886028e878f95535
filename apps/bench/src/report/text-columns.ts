/**
 * Lays out rows of cells as text columns, each row indented by two spaces: the first column
 * left-aligned, the others right-aligned.
 */
export function textColumns(rows: readonly (readonly string[])[]): string {
  const widths = (rows[0] as readonly string[]).map((_, i) =>
    Math.max(...rows.map((r) => (r[i] ?? "").length)),
  );
  return rows
    .map((row) =>
      `  ${row
        .map((cell, i) =>
          i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number),
        )
        .join("  ")}`.trimEnd(),
    )
    .join("\n");
}
