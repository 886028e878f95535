import type { FuncType } from "@wasmcall/core-types";
import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";
import { emitLoadSlot, importSlots } from "./slot-code.js";

/**
 * The thrower of exceptions of a tag of `type`: a module importing the tag as `env.tag` and the
 * store's slots, exporting `throw: () -> ()`, which throws an exception of the tag whose
 * payload it loads from slots 0..: wasm makes the exception, so v128 and NaN bits stay exact.
 */
export function exceptionThrower(type: FuncType): Uint8Array {
  const b = new ModuleBuilder();
  const tag = b.importTag("env", "tag", b.type(type.params, []));
  const slots = importSlots(b, type.params);
  const thrower = b.func(b.type([], []), [], (w) => {
    type.params.forEach((t, i) => {
      emitLoadSlot(w, slots, t, i);
    });
    w.byte(OP.throw).u32(tag);
  });
  b.export("throw", "func", thrower);
  return b.finish();
}
