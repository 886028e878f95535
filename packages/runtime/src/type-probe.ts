import type { FuncType } from "@wasmcall/core-types";
import { ModuleBuilder } from "./binary/module-builder.js";
import type { Engine } from "./engine.js";

/** A one-element funcref table, to ask the engine whether a function is a wasm function. */
let holder: WebAssembly.Table | undefined;

/**
 * Tells whether `js` is a wasm function object (an exported function of some instance): the
 * only kind of function a funcref table accepts. Nothing is kept: the table is emptied again.
 */
export function isWasmFunction(js: unknown): boolean {
  holder ??= new WebAssembly.Table({ element: "anyfunc", initial: 1 });
  try {
    holder.set(0, js);
  } catch (error) {
    if (error instanceof TypeError) return false;
    throw error;
  }
  holder.set(0, null);
  return true;
}

/**
 * Tells whether the wasm function object `js` has the function type `type`, by importing it
 * into a module that declares the import with `type` (compiled once per type and engine): the
 * WebAssembly JavaScript API refuses a wasm function imported with another type
 * (`WebAssembly.LinkError`), and V8, JavaScriptCore and SpiderMonkey all do. The probe
 * instance has no exports and runs nothing; nothing keeps it.
 *
 * A plain JavaScript function links with every type: ask {@link isWasmFunction} first.
 */
export function hasType(engine: Engine, type: FuncType, js: unknown): boolean {
  const probe = engine.compiledModule(`probe:${type.key}`, () => probeModule(type));
  try {
    new WebAssembly.Instance(probe, { m: { f: js as () => void } });
  } catch (error) {
    if (error instanceof WebAssembly.LinkError) return false;
    throw error;
  }
  return true;
}

/** `(module (import "m" "f" (func (type <type>))))`. */
function probeModule(type: FuncType): Uint8Array {
  const b = new ModuleBuilder();
  b.importFunc("m", "f", b.type(type.params, type.results));
  return b.finish();
}
