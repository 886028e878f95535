import { type Engine, Module } from "@wasmcall/runtime";
import { watToWasm } from "./wat-to-wasm.js";

/**
 * The `Module` of the text-format module `text` for `engine`: assembled by
 * {@link watToWasm}, then compiled with `Module.compile` (which a browser's main thread needs
 * for a large module).
 *
 * @example
 * ```ts
 * const module = await compileWat(engine, "(module (memory i64 1))");
 * ```
 * @throws {CompileError} (as a rejection) when the text is not a module, or the engine refuses
 * the module it gives (invalid, or using a feature the engine lacks).
 * @throws {TypeMismatchError} (as a rejection) when `text` is not a string or `engine` not an
 * `Engine`.
 */
export async function compileWat(engine: Engine, text: string): Promise<Module> {
  return Module.compile(engine, await watToWasm(text));
}
