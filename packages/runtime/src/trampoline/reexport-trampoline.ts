import type { FuncType } from "@wasmcall/core-types";
import { ModuleBuilder } from "../binary/module-builder.js";

/**
 * A module importing a JavaScript function as `env.fn` with `type` and exporting it again as
 * `func`: the engine's own conversions then turn the JavaScript function into a wasm function
 * of that type. Only signatures without v128 can be made this way.
 */
export function reexportTrampoline(type: FuncType): Uint8Array {
  const b = new ModuleBuilder();
  const fn = b.importFunc("env", "fn", b.funcType(type));
  b.export("func", "func", fn);
  return b.finish();
}
