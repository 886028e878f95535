import { WasmcallError } from "./wasmcall-error.js";

/**
 * A value, function or import does not have the type it must have: a parameter of the wrong
 * type, a signature that does not match, a `Val` read as another type.
 *
 * `expected` and `actual` name the types as text (`i32`, `(func (param i32))`).
 */
export class TypeMismatchError extends WasmcallError {
  /** The type that was required. */
  readonly expected: string;
  /** The type that was found. */
  readonly actual: string;

  /**
   * `message` says where (the function and position), `expected` and `actual` what; the full
   * message reads `<message>: expected <expected>, found <actual>`.
   */
  constructor(message: string, expected: string, actual: string, options?: { cause?: unknown }) {
    super("TYPE_MISMATCH", `${message}: expected ${expected}, found ${actual}`, options);
    this.name = "TypeMismatchError";
    this.expected = expected;
    this.actual = actual;
  }
}
