import { WasmcallError } from "./wasmcall-error.js";

/**
 * Why a WebAssembly call trapped. Each code covers one or more of the trap messages of the
 * WebAssembly specification (listed with {@link TRAP_MESSAGES}).
 *
 * Three codes stand for either of two spec traps, where an engine reports both as one error
 * and does not tell which: `BAD_INDIRECT_CALL` (a call to a null table entry or a signature
 * mismatch: V8 and JavaScriptCore, whose message for a null entry names a mismatch),
 * `BAD_FLOAT_TO_INTEGER` (a NaN or an out-of-range float converted to an integer: V8 and
 * JavaScriptCore) and `OUT_OF_BOUNDS` (an out-of-bounds memory, table or array access:
 * SpiderMonkey, whose message is "index out of bounds" for all three). `NULL_REFERENCE` is any
 * access through a null reference (a struct, an array, an i31, a function, an exception),
 * `CAST_FAILURE` a failed `ref.cast`, `ARRAY_OUT_OF_BOUNDS` an array access out of bounds (the
 * garbage collection of WebAssembly 3.0), `ALLOCATION_TOO_LARGE` an array longer than the engine
 * can make (an implementation limit, which the specification has no message for).
 */
export type TrapCode =
  | "UNREACHABLE"
  | "INTEGER_DIVIDE_BY_ZERO"
  | "INTEGER_OVERFLOW"
  | "BAD_CONVERSION_TO_INTEGER"
  | "BAD_FLOAT_TO_INTEGER"
  | "MEMORY_OUT_OF_BOUNDS"
  | "TABLE_OUT_OF_BOUNDS"
  | "OUT_OF_BOUNDS"
  | "INDIRECT_CALL_TO_NULL"
  | "BAD_SIGNATURE"
  | "BAD_INDIRECT_CALL"
  | "NULL_REFERENCE"
  | "CAST_FAILURE"
  | "ARRAY_OUT_OF_BOUNDS"
  | "ALLOCATION_TOO_LARGE"
  | "STACK_OVERFLOW"
  | "UNKNOWN";

/**
 * The WebAssembly specification's trap messages (as its test suite writes them) that each
 * {@link TrapCode} stands for.
 */
export const TRAP_MESSAGES: Readonly<Record<TrapCode, readonly string[]>> = Object.freeze({
  UNREACHABLE: Object.freeze(["unreachable"]),
  INTEGER_DIVIDE_BY_ZERO: Object.freeze(["integer divide by zero"]),
  INTEGER_OVERFLOW: Object.freeze(["integer overflow"]),
  BAD_CONVERSION_TO_INTEGER: Object.freeze(["invalid conversion to integer"]),
  BAD_FLOAT_TO_INTEGER: Object.freeze(["invalid conversion to integer", "integer overflow"]),
  MEMORY_OUT_OF_BOUNDS: Object.freeze(["out of bounds memory access"]),
  TABLE_OUT_OF_BOUNDS: Object.freeze(["undefined element", "out of bounds table access"]),
  OUT_OF_BOUNDS: Object.freeze([
    "out of bounds memory access",
    "undefined element",
    "out of bounds table access",
    "out of bounds array access",
  ]),
  INDIRECT_CALL_TO_NULL: Object.freeze(["uninitialized element"]),
  BAD_SIGNATURE: Object.freeze(["indirect call type mismatch"]),
  BAD_INDIRECT_CALL: Object.freeze(["uninitialized element", "indirect call type mismatch"]),
  NULL_REFERENCE: Object.freeze([
    "null reference",
    "null function reference",
    "null structure reference",
    "null array reference",
    "null i31 reference",
    "null exception reference",
  ]),
  CAST_FAILURE: Object.freeze(["cast failure"]),
  ARRAY_OUT_OF_BOUNDS: Object.freeze(["out of bounds array access"]),
  ALLOCATION_TOO_LARGE: Object.freeze([]),
  STACK_OVERFLOW: Object.freeze(["call stack exhausted"]),
  UNKNOWN: Object.freeze([]),
});

/**
 * A WebAssembly call trapped: a runtime error inside wasm (division by zero, an out-of-bounds
 * access, `unreachable`, ...) or exhaustion of the call stack. The engine's own error is the
 * `cause`. The store and every function stay usable after a trap.
 *
 * @example
 * ```ts
 * try {
 *   caller.call([Val.i32(1), Val.i32(0)], results);
 * } catch (e) {
 *   if (e instanceof Trap && e.trapCode === "INTEGER_DIVIDE_BY_ZERO") ...
 * }
 * ```
 */
export class Trap extends WasmcallError {
  /** Why the call trapped. */
  readonly trapCode: TrapCode;

  /**
   * The message reads `wasm trap: <description>`; the runtime's description is the engine's own
   * message (`divide by zero` on V8, `integer divide by zero` on SpiderMonkey), which differs
   * between engines: test {@link Trap.trapCode}, not the message.
   */
  constructor(trapCode: TrapCode, description: string, options?: { cause?: unknown }) {
    super("TRAP", `wasm trap: ${description}`, options);
    this.name = "Trap";
    this.trapCode = trapCode;
  }
}
