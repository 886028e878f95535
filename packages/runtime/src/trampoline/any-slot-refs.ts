import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";

/** The code of the abstract heap type `any` (for `ref.null any`). */
const ANY = 0x6e;

/**
 * The accessors of a store's anyref slots (garbage collection, WebAssembly 3.0), made apart
 * from `slotRefs` because only engines with GC have anyref tables: a module importing the
 * table as `env.anys`, exporting `anyTake: (i32) -> anyref` (which empties the slot) and
 * `anySet: (i32, anyref) -> ()`.
 */
export function anySlotRefs(): Uint8Array {
  const b = new ModuleBuilder();
  const table = b.importTable("env", "anys", "anyref", 0);
  const take = b.func(b.type(["i32"], ["anyref"]), [], (w) => {
    w.byte(OP.localGet).u32(0).byte(OP.tableGet).u32(table);
    w.byte(OP.localGet).u32(0).byte(OP.refNull).byte(ANY).byte(OP.tableSet).u32(table);
  });
  const set = b.func(b.type(["i32", "anyref"], []), [], (w) => {
    w.byte(OP.localGet).u32(0).byte(OP.localGet).u32(1).byte(OP.tableSet).u32(table);
  });
  b.export("anyTake", "func", take);
  b.export("anySet", "func", set);
  return b.finish();
}
