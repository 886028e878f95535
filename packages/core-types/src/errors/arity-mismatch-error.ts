import { WasmcallError } from "./wasmcall-error.js";

/**
 * A call got a different number of arguments than the function takes, or a results array whose
 * length differs from the number of results the function returns; or an instance got more
 * imports than its module has.
 */
export class ArityMismatchError extends WasmcallError {
  /** What was counted: the arguments, the result slots or the imports. */
  readonly what: "arguments" | "results" | "imports";
  /** The number required. */
  readonly expected: number;
  /** The number given. */
  readonly actual: number;

  /** `subject` names the function; the message reads `<subject>: expected 2 arguments, got 3`. */
  constructor(
    subject: string,
    what: "arguments" | "results" | "imports",
    expected: number,
    actual: number,
  ) {
    super("ARITY_MISMATCH", `${subject}: expected ${expected} ${what}, got ${actual}`);
    this.name = "ArityMismatchError";
    this.what = what;
    this.expected = expected;
    this.actual = actual;
  }
}
