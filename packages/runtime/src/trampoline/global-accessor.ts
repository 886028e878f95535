import type { ValType } from "@wasmcall/core-types";
import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";
import { emitLoadSlot, emitStoreSlot, importSlots } from "./slot-code.js";

/**
 * Reads and writes a global exactly (NaN bits, v128) through slot 0: a module importing the
 * global as `env.global` and the store's slots, exporting `get: () -> ()` (global to slot 0)
 * and, for a mutable global, `set: () -> ()` (slot 0 to global). Each global's accessor is
 * kept by the global alone.
 */
export function globalAccessor(content: ValType, mutable: boolean): Uint8Array {
  const b = new ModuleBuilder();
  const thunk = b.type([], []);
  const global = b.importGlobal("env", "global", content, mutable);
  const slots = importSlots(b, [content]);
  b.export(
    "get",
    "func",
    b.func(thunk, [], (w) => {
      emitStoreSlot(w, slots, content, 0, (v) => v.byte(OP.globalGet).u32(global));
    }),
  );
  if (mutable) {
    b.export(
      "set",
      "func",
      b.func(thunk, [], (w) => {
        emitLoadSlot(w, slots, content, 0);
        w.byte(OP.globalSet).u32(global);
      }),
    );
  }
  return b.finish();
}
