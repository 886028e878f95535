import { SLOT_SIZE, type ValType } from "@wasmcall/core-types";
import type { ByteWriter } from "../binary/byte-writer.js";
import type { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";

/** Table index of the externref slot table in every generated module. */
const EXTERNS = 0;
/** Table index of the funcref slot table in every generated module. */
const FUNCREFS = 1;

/** Load and store opcodes (after an optional SIMD prefix) and alignment of each number type. */
const MEMORY_ACCESS: Partial<Record<ValType, { load: number; store: number; align: number }>> = {
  i32: { load: 0x28, store: 0x36, align: 2 },
  i64: { load: 0x29, store: 0x37, align: 3 },
  f32: { load: 0x2a, store: 0x38, align: 2 },
  f64: { load: 0x2b, store: 0x39, align: 3 },
  v128: { load: 0x00, store: 0x0b, align: 4 },
};

/**
 * Imports the store's slots into a generated module: the scratch memory `env.slots` and the
 * reference slot tables `env.externs` and `env.funcrefs` (table indices 0 and 1), each at least
 * `refSlots` long.
 */
export function importSlots(builder: ModuleBuilder, refSlots: number): void {
  builder.importMemory("env", "slots", 1);
  builder.importTable("env", "externs", "externref", refSlots);
  builder.importTable("env", "funcrefs", "funcref", refSlots);
}

/** Emits code that pushes the value of `type` held in slot `slot`. */
export function emitLoadSlot(w: ByteWriter, type: ValType, slot: number): void {
  if (type === "externref" || type === "funcref") {
    w.byte(OP.i32Const)
      .s32(slot)
      .byte(OP.tableGet)
      .u32(type === "externref" ? EXTERNS : FUNCREFS);
    return;
  }
  const access = MEMORY_ACCESS[type] as { load: number; align: number };
  w.byte(OP.i32Const).s32(0);
  if (type === "v128") w.byte(OP.simdPrefix).u32(access.load);
  else w.byte(access.load);
  w.u32(access.align).u32(slot * SLOT_SIZE);
}

/** Emits code that stores the value of `type` pushed by `value` into slot `slot`. */
export function emitStoreSlot(
  w: ByteWriter,
  type: ValType,
  slot: number,
  value: (w: ByteWriter) => void,
): void {
  if (type === "externref" || type === "funcref") {
    w.byte(OP.i32Const).s32(slot);
    value(w);
    w.byte(OP.tableSet).u32(type === "externref" ? EXTERNS : FUNCREFS);
    return;
  }
  const access = MEMORY_ACCESS[type] as { store: number; align: number };
  w.byte(OP.i32Const).s32(0);
  value(w);
  if (type === "v128") w.byte(OP.simdPrefix).u32(access.store);
  else w.byte(access.store);
  w.u32(access.align).u32(slot * SLOT_SIZE);
}

/** The number of reference slots a list of values needs (the index of its last ref, plus 1). */
export function refSlotsOf(types: readonly ValType[]): number {
  let n = 0;
  types.forEach((t, i) => {
    if (t === "externref" || t === "funcref") n = i + 1;
  });
  return n;
}
