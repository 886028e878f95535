/**
 * The parser's own words in the Rust debug text wasm-tools' errors carry
 * (`Error { kind: Wast(Error { inner: ErrorInner { ... kind: Custom("unknown operator") } }) }`),
 * with the line and column (1-based); the whole text when it has another shape.
 *
 * @example
 * ```ts
 * parserMessage('... line: 0, col: 15, ... kind: Custom("unknown operator or unexpected token")');
 * // "unknown operator or unexpected token (line 1, column 16)"
 * ```
 */
export function parserMessage(debug: string): string {
  const text = /kind: (?:Custom|Lex)\("((?:[^"\\]|\\.)*)"\)/.exec(debug)?.[1];
  const at = /line: (\d+), col: (\d+)/.exec(debug);
  if (text === undefined) return debug;
  return at === null ? text : `${text} (line ${Number(at[1]) + 1}, column ${Number(at[2]) + 1})`;
}
