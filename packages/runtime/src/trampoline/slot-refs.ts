import { ModuleBuilder } from "../binary/module-builder.js";
import { OP, VAL_TYPE_CODE } from "../binary/wasm-encoding.js";

/**
 * The accessors of a store's reference slots: a module importing the externref slot table as
 * `env.externs` and the funcref slot table as `env.funcrefs`, exporting for each
 * (`extern`, `func`) a `Take: (i32) -> ref`, which returns the reference in a slot and empties
 * the slot, and a `Set: (i32, ref) -> ()`. Each store makes one instance of it; every other
 * generated module reaches the reference slots through these functions (see `importSlots`), so
 * that only this one instance per store imports the tables.
 *
 * A slot is emptied as it is read so that the store never keeps a reference that has done its
 * work: a function passed through a slot once can be collected with its instance.
 */
export function slotRefs(): Uint8Array {
  const b = new ModuleBuilder();
  const externs = b.importTable("env", "externs", "externref", 0);
  const funcrefs = b.importTable("env", "funcrefs", "funcref", 0);
  for (const [name, table, ref] of [
    ["extern", externs, "externref"],
    ["func", funcrefs, "funcref"],
  ] as const) {
    const take = b.func(b.type(["i32"], [ref]), [], (w) => {
      w.byte(OP.localGet).u32(0).byte(OP.tableGet).u32(table);
      w.byte(OP.localGet)
        .u32(0)
        .byte(OP.refNull)
        .byte(VAL_TYPE_CODE[ref])
        .byte(OP.tableSet)
        .u32(table);
    });
    const set = b.func(b.type(["i32", ref], []), [], (w) => {
      w.byte(OP.localGet).u32(0).byte(OP.localGet).u32(1).byte(OP.tableSet).u32(table);
    });
    b.export(`${name}Take`, "func", take);
    b.export(`${name}Set`, "func", set);
  }
  return b.finish();
}
