import type { FuncType } from "@wasmcall/core-types";
import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";
import { emitLoadSlot, emitStoreSlot, importSlots } from "./slot-code.js";

/**
 * The wasm-to-host trampoline for host functions of `type`: a module importing a JavaScript
 * dispatcher `env.host: () -> ()` and the store's slots, exporting `func` of `type`, which
 * stores its parameters into slots 0.., calls the dispatcher, and returns the results the
 * dispatcher left in slots 0... Any signature works, v128 included, with NaN bits exact.
 *
 * Each host function is one instance of it, kept by the host function alone (its imports are
 * functions and the slot memory, nothing that makes the store keep it).
 */
export function hostTrampoline(type: FuncType): Uint8Array {
  const b = new ModuleBuilder();
  const target = b.funcType(type);
  const host = b.importFunc("env", "host", b.type([], []));
  const slots = importSlots(b, [...type.params, ...type.results]);
  const func = b.func(target, [], (w) => {
    type.params.forEach((t, i) => {
      emitStoreSlot(w, slots, t, i, (v) => v.byte(OP.localGet).u32(i));
    });
    w.byte(OP.call).u32(host);
    type.results.forEach((t, i) => {
      emitLoadSlot(w, slots, t, i);
    });
  });
  b.export("func", "func", func);
  return b.finish();
}
