import type { FuncType } from "@wasmcall/core-types";
import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";
import { emitLoadSlot, emitStoreSlot, importSlots, refSlotsOf } from "./slot-code.js";

/**
 * The host-to-wasm trampoline for functions of `type`: a module importing the store's slots
 * and its callee table `env.funcs`, exporting `call: (i32) -> ()`, which loads the arguments
 * from slots 0.., calls the function at that index of the callee table with `call_indirect`
 * (wasm to wasm: no JavaScript conversion, so v128 and NaN bits pass exactly; engines may box
 * values when calling a function imported from another instance, never through a table) and
 * stores its results into slots 0...
 *
 * All arguments are loaded before the call and the results stored after it, so calls nested
 * inside the callee may reuse the same slots.
 */
export function entryTrampoline(type: FuncType): Uint8Array {
  const b = new ModuleBuilder();
  const target = b.type(type.params, type.results);
  const entry = b.type(["i32"], []);
  importSlots(b, Math.max(refSlotsOf(type.params), refSlotsOf(type.results)));
  const funcs = b.importTable("env", "funcs", "funcref", 0);
  const n = type.results.length;
  const call = b.func(entry, type.results, (w) => {
    type.params.forEach((t, i) => {
      emitLoadSlot(w, t, i);
    });
    w.byte(OP.localGet).u32(0).byte(OP.callIndirect).u32(target).u32(funcs);
    for (let i = n - 1; i >= 0; i--) w.byte(OP.localSet).u32(i + 1);
    type.results.forEach((t, i) => {
      emitStoreSlot(w, t, i, (v) => v.byte(OP.localGet).u32(i + 1));
    });
  });
  b.export("call", "func", call);
  return b.finish();
}
