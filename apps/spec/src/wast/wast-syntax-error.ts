/**
 * A `.wast` script (or a literal in it) that the script grammar or the text format does not
 * accept. The message starts with where: `file.wast:12:5: unknown command "foo"`.
 */
export class WastSyntaxError extends Error {
  /** What is wrong, without the position. */
  readonly reason: string;
  /** The 1-based line of the offending token. */
  readonly line: number;
  /** The 1-based column (in UTF-16 code units) of the offending token. */
  readonly column: number;
  /** The script's file name, when known. */
  readonly filename: string | undefined;

  constructor(reason: string, line: number, column: number, filename?: string) {
    super(`${filename ?? "<script>"}:${line}:${column}: ${reason}`);
    this.name = "WastSyntaxError";
    this.reason = reason;
    this.line = line;
    this.column = column;
    this.filename = filename;
  }

  /** The same error, naming the script `filename`. */
  inFile(filename: string): WastSyntaxError {
    return new WastSyntaxError(this.reason, this.line, this.column, filename);
  }
}
