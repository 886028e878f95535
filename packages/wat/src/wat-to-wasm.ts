import { CompileError, TypeMismatchError, typeName } from "@wasmcall/core-types";
import { parserMessage } from "./parser-message.js";

/**
 * The binary module of the text-format module `text` (a whole `(module ...)`, or only its
 * fields), assembled by wasm-tools' parser: every feature of WebAssembly 3.0 (GC types,
 * tags and `try_table`, 64-bit memories and tables, tail calls, relaxed SIMD, ...), names and
 * all. It assembles, it does not validate: an invalid module assembles, and the engine refuses
 * it when it is compiled.
 *
 * @example
 * ```ts
 * const bytes = await watToWasm('(module (func (export "one") (result i32) i32.const 1))');
 * ```
 * @throws {CompileError} (as a rejection) when the text is not a module, with the parser's
 * message and where it stopped (line and column).
 * @throws {TypeMismatchError} (as a rejection) when `text` is not a string.
 */
export async function watToWasm(text: string): Promise<Uint8Array> {
  if (typeof text !== "string") {
    throw new TypeMismatchError("watToWasm", "the text of a module (a string)", typeName(text));
  }
  const { parse } = await import("@bytecodealliance/jco-transpile/wasm-tools");
  try {
    return await parse(text);
  } catch (error) {
    const debug = error instanceof Error ? error.message : String(error);
    throw new CompileError(`malformed text: ${parserMessage(debug)}`, { cause: error });
  }
}
