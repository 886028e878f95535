import type { FuncType } from "@wasmcall/core-types";
import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";
import { emitLoadSlot, emitStoreSlot, importSlots } from "./slot-code.js";

/**
 * The host-to-wasm trampoline for a function of `type`: a module importing the function as
 * `env.callee` and the store's slots, exporting `call: () -> ()`, which loads the arguments
 * from slots 0.., calls the callee (wasm to wasm: no JavaScript conversion, so v128 and NaN
 * bits pass exactly) and stores its results into slots 0...
 *
 * Each function gets its own instance, made on its first raw call and kept by the function
 * alone: the store holds nothing of it, so a dropped function (and its instance and memory)
 * can be collected. All arguments are loaded before the call and the results stored after it,
 * so calls nested inside the callee may reuse the same slots.
 */
export function entryTrampoline(type: FuncType): Uint8Array {
  const b = new ModuleBuilder();
  const callee = b.importFunc("env", "callee", b.funcType(type));
  const slots = importSlots(b, [...type.params, ...type.results]);
  const n = type.results.length;
  const call = b.func(b.type([], []), type.results, (w) => {
    type.params.forEach((t, i) => {
      emitLoadSlot(w, slots, t, i);
    });
    w.byte(OP.call).u32(callee);
    for (let i = n - 1; i >= 0; i--) w.byte(OP.localSet).u32(i);
    type.results.forEach((t, i) => {
      emitStoreSlot(w, slots, t, i, (v) => v.byte(OP.localGet).u32(i));
    });
  });
  b.export("call", "func", call);
  return b.finish();
}
