import { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";

/** The code of the abstract heap type `any` (for `ref.null any`). */
const ANY = 0x6e;

/**
 * A store's anyref slots (garbage collection, WebAssembly 3.0), made apart from `slotRefs`
 * because only engines with GC have anyref tables: a module defining a table of `count`
 * anyrefs (in the module: some engines' JavaScript API makes no anyref table), exporting
 * `anyTake: (i32) -> anyref` (which empties the slot) and `anySet: (i32, anyref) -> ()`.
 */
export function anySlotRefs(count: number): Uint8Array {
  const b = new ModuleBuilder();
  const table = b.table("anyref", count);
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
