import type { FuncType } from "@wasmcall/core-types";
import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";
import { emitStoreSlot, importSlots } from "./slot-code.js";

/** Whether the engine validates `try_table` (exception handling with exnref), found once. */
let tryTable: boolean | undefined;

/**
 * Tells whether the engine has `try_table`; an engine without it (Node 20 and 22, Bun) has
 * the legacy `try`/`catch` of the first exception handling proposal instead.
 */
export function hasTryTable(): boolean {
  if (tryTable === undefined) {
    const b = new ModuleBuilder();
    b.func(b.type([], []), [], (w) => {
      w.byte(OP.tryTable).byte(0x40).u32(0).byte(OP.end);
    });
    tryTable = WebAssembly.validate(b.finish() as Uint8Array<ArrayBuffer>);
  }
  return tryTable;
}

/**
 * The reader of the payload of exceptions of a tag of `type`: a module importing the tag as
 * `env.tag`, a function `env.rethrow: () -> ()` that throws the exception to read, and the
 * store's slots, exporting `read: () -> ()`, which catches what `rethrow` throws with the tag
 * and stores the payload into slots 0..: wasm to wasm, so v128 and NaN bits stay exact. It
 * catches with `try_table` where the engine has it, with the legacy `try`/`catch` elsewhere.
 */
export function exceptionReader(type: FuncType): Uint8Array {
  const b = new ModuleBuilder();
  const tag = b.importTag("env", "tag", b.type(type.params, []));
  const rethrow = b.importFunc("env", "rethrow", b.type([], []));
  const slots = importSlots(b, type.params);
  const payload = b.type([], type.params);
  const n = type.params.length;
  const read = b.func(b.type([], []), type.params, (w) => {
    if (hasTryTable()) {
      // block (result payload) (try_table (catch tag 0) (call rethrow) unreachable) end
      w.byte(OP.block);
      b.blockType(w, payload);
      w.byte(OP.tryTable).byte(0x40).u32(1).byte(0x00).u32(tag).u32(0);
      w.byte(OP.call).u32(rethrow);
      w.byte(OP.end).byte(OP.unreachable);
      w.byte(OP.end);
    } else {
      // try (result payload) (call rethrow) unreachable catch tag end
      w.byte(OP.legacyTry);
      b.blockType(w, payload);
      w.byte(OP.call).u32(rethrow).byte(OP.unreachable);
      w.byte(OP.legacyCatch).u32(tag);
      w.byte(OP.end);
    }
    for (let i = n - 1; i >= 0; i--) w.byte(OP.localSet).u32(i);
    type.params.forEach((t, i) => {
      emitStoreSlot(w, slots, t, i, (v) => v.byte(OP.localGet).u32(i));
    });
  });
  b.export("read", "func", read);
  return b.finish();
}
