import { Trap, type TrapCode } from "@wasmcall/core-types";
import { isHostError } from "./host-error.js";

/**
 * How each engine words its traps (V8, JavaScriptCore, SpiderMonkey), in the order they are
 * tried, mapped to trap codes.
 */
const TRAP_PATTERNS: readonly (readonly [RegExp, TrapCode])[] = [
  [/unreachable/i, "UNREACHABLE"],
  [/divi(de|sion) by zero|remainder by zero/i, "INTEGER_DIVIDE_BY_ZERO"],
  [/integer overflow|divide result unrepresentable/i, "INTEGER_OVERFLOW"],
  [/conversion to integer/i, "BAD_CONVERSION_TO_INTEGER"],
  [/unrepresentable|trunc/i, "BAD_FLOAT_TO_INTEGER"],
  [
    /^(null function or )?function signature mismatch|call_indirect to a signature that does not/i,
    "BAD_INDIRECT_CALL",
  ],
  [/null (table entry|function)|indirect call to null|uninitialized/i, "INDIRECT_CALL_TO_NULL"],
  [/signature|type mismatch/i, "BAD_SIGNATURE"],
  // SpiderMonkey: "index out of bounds" for a memory access and a table access alike.
  [/^index out of bounds$/i, "OUT_OF_BOUNDS"],
  [/memory access|out of bounds memory|data segment/i, "MEMORY_OUT_OF_BOUNDS"],
  [/table|call_indirect|element segment/i, "TABLE_OUT_OF_BOUNDS"],
  [/null (pointer|reference)|dereferenc/i, "NULL_REFERENCE"],
];

/** The trap code of an engine's `WebAssembly.RuntimeError` message. */
export function trapCodeOf(message: string): TrapCode {
  for (const [pattern, code] of TRAP_PATTERNS) if (pattern.test(message)) return code;
  return "UNKNOWN";
}

/**
 * What a call should throw for `error`, caught around a call into wasm: an engine's runtime
 * error becomes a {@link Trap} with its code, stack exhaustion a `STACK_OVERFLOW` trap, both
 * with the original as `cause`; anything else (a host function's exception, even a
 * `WebAssembly.RuntimeError` a host function threw, an error of ours) is returned unchanged.
 */
export function trapFromError(error: unknown): unknown {
  if (error instanceof WebAssembly.RuntimeError && !isHostError(error)) {
    return new Trap(trapCodeOf(error.message), error.message, { cause: error });
  }
  if (isStackExhaustion(error)) {
    return new Trap("STACK_OVERFLOW", "call stack exhausted", { cause: error });
  }
  return error;
}

function isStackExhaustion(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === "RangeError" || error.name === "InternalError") &&
    /call stack|too much recursion/i.test(error.message)
  );
}
