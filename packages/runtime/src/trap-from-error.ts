import { Trap, type TrapCode } from "@wasmcall/core-types";
import { isHostError } from "./host-error.js";
import { isEngineException, WasmException } from "./wasm-exception.js";

/**
 * How each engine words its traps (V8, JavaScriptCore, SpiderMonkey), in the order they are
 * tried, mapped to trap codes: each entry is the code and the lower-case texts that select it
 * (a message containing one of them). Plain substring tests, not regular expressions: a trap
 * is often mapped where the stack is nearly exhausted, and compiling a regular expression
 * there fails.
 */
const TRAP_TEXTS: readonly (readonly [TrapCode, readonly string[]])[] = [
  ["UNREACHABLE", ["unreachable"]],
  ["CAST_FAILURE", ["illegal cast", "bad cast", "cast fail"]],
  // JavaScriptCore: one message for a segment or an array out of bounds (or an allocation).
  ["OUT_OF_BOUNDS", ["failed to allocate in array.new_", "out of bounds array.init_"]],
  ["ARRAY_OUT_OF_BOUNDS", ["array element access out of bounds", "out of bounds array"]],
  ["ALLOCATION_TOO_LARGE", ["too many array elements", "array is too large", "too large array"]],
  ["INTEGER_DIVIDE_BY_ZERO", ["divide by zero", "division by zero", "remainder by zero"]],
  ["INTEGER_OVERFLOW", ["integer overflow", "divide result unrepresentable"]],
  ["BAD_CONVERSION_TO_INTEGER", ["conversion to integer"]],
  ["BAD_FLOAT_TO_INTEGER", ["unrepresentable", "trunc"]],
  [
    "BAD_INDIRECT_CALL",
    [
      "\u0000function signature mismatch",
      "\u0000null function or function signature mismatch",
      "call_indirect to a signature that does not",
    ],
  ],
  [
    "INDIRECT_CALL_TO_NULL",
    ["null table entry", "null function", "indirect call to null", "uninitialized"],
  ],
  ["BAD_SIGNATURE", ["signature", "type mismatch"]],
  // SpiderMonkey: "index out of bounds" for a memory access and a table access alike.
  ["OUT_OF_BOUNDS", ["\u0000index out of bounds\u0000"]],
  ["MEMORY_OUT_OF_BOUNDS", ["memory access", "out of bounds memory", "data segment"]],
  ["TABLE_OUT_OF_BOUNDS", ["table", "call_indirect", "element segment"]],
  ["NULL_REFERENCE", ["null pointer", "null reference", "dereferenc"]],
];

/** The trap code of an engine's `WebAssembly.RuntimeError` message. */
export function trapCodeOf(message: string): TrapCode {
  // Framed by NUL characters, so that a text can ask for the start or the end of the message.
  const text = `\u0000${message.toLowerCase()}\u0000`;
  for (const [code, texts] of TRAP_TEXTS) {
    for (const t of texts) if (text.includes(t)) return code;
  }
  return "UNKNOWN";
}

/**
 * The messages with which the engines report stack exhaustion: V8's `RangeError`,
 * JavaScriptCore's (with a full stop) and SpiderMonkey's `InternalError`.
 */
const STACK_EXHAUSTED = new Set([
  "Maximum call stack size exceeded",
  "Maximum call stack size exceeded.",
  "too much recursion",
]);

/**
 * What a call should throw for `error`, caught around a call into wasm: an engine's runtime
 * error becomes a {@link Trap} with its code, the engine's stack exhaustion a `STACK_OVERFLOW`
 * trap, both with the original as `cause`; a wasm exception no wasm code caught (an engine's
 * `WebAssembly.Exception`) a {@link WasmException}; anything else (a host function's
 * exception, even a `WebAssembly.RuntimeError` or a `RangeError` about the stack that a host
 * function threw, an error of ours) is returned unchanged.
 *
 * It needs little stack: no regular expression is compiled or run. Where even making the
 * `Trap` exhausts the stack, that `RangeError` reaches the caller one level up, which maps it.
 */
export function trapFromError(error: unknown): unknown {
  if (error instanceof WebAssembly.RuntimeError && !isHostError(error)) {
    return new Trap(trapCodeOf(error.message), error.message, { cause: error });
  }
  if (isEngineException(error)) return new WasmException(error as object);
  if (isStackExhaustion(error)) {
    return new Trap("STACK_OVERFLOW", "call stack exhausted", { cause: error });
  }
  return error;
}

/** Tells whether `error` is the engine's own report of stack exhaustion (by its exact text). */
function isStackExhaustion(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === "RangeError" || error.name === "InternalError") &&
    STACK_EXHAUSTED.has(error.message)
  );
}
