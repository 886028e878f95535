import { type RefType, SLOT_SIZE, type ValType } from "@wasmcall/core-types";
import type { ByteWriter } from "../binary/byte-writer.js";
import type { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";

/**
 * The function indices, in a generated module, of the store's reference slot accessors it
 * imports (see `slotRefs`): -1 for one it does not need. Reading a reference slot empties it.
 */
export interface SlotAccess {
  readonly externTake: number;
  readonly externSet: number;
  readonly funcTake: number;
  readonly funcSet: number;
}

/** Load and store opcodes (after an optional SIMD prefix) and alignment of each number type. */
const MEMORY_ACCESS: Partial<Record<ValType, { load: number; store: number; align: number }>> = {
  i32: { load: 0x28, store: 0x36, align: 2 },
  i64: { load: 0x29, store: 0x37, align: 3 },
  f32: { load: 0x2a, store: 0x38, align: 2 },
  f64: { load: 0x2b, store: 0x39, align: 3 },
  v128: { load: 0x00, store: 0x0b, align: 4 },
};

/**
 * Imports the store's slots into a generated module that moves values of `types` through
 * them: the scratch memory `env.slots`, and for each reference type among `types` the store's
 * accessors of that reference slot table (`env.externTake`, `env.externSet`, `env.funcTake`,
 * `env.funcSet`), never the tables themselves. Some engines keep every instance that imports
 * a funcref table alive as long as the table lives, so a module made per function, host
 * function or global must import functions only.
 */
export function importSlots(builder: ModuleBuilder, types: readonly ValType[]): SlotAccess {
  builder.importMemory("env", "slots", 1);
  const accessor = (ref: RefType, name: string, params: readonly ValType[], results: ValType[]) =>
    types.includes(ref) ? builder.importFunc("env", name, builder.type(params, results)) : -1;
  const externTake = accessor("externref", "externTake", ["i32"], ["externref"]);
  const externSet = accessor("externref", "externSet", ["i32", "externref"], []);
  const funcTake = accessor("funcref", "funcTake", ["i32"], ["funcref"]);
  const funcSet = accessor("funcref", "funcSet", ["i32", "funcref"], []);
  return { externTake, externSet, funcTake, funcSet };
}

/**
 * Emits code that pushes the value of `type` held in slot `slot`; a reference slot is emptied
 * as it is read.
 */
export function emitLoadSlot(w: ByteWriter, access: SlotAccess, type: ValType, slot: number): void {
  if (type === "externref" || type === "funcref") {
    w.byte(OP.i32Const)
      .s32(slot)
      .byte(OP.call)
      .u32(type === "externref" ? access.externTake : access.funcTake);
    return;
  }
  const memory = MEMORY_ACCESS[type] as { load: number; align: number };
  w.byte(OP.i32Const).s32(0);
  if (type === "v128") w.byte(OP.simdPrefix).u32(memory.load);
  else w.byte(memory.load);
  w.u32(memory.align).u32(slot * SLOT_SIZE);
}

/** Emits code that stores the value of `type` pushed by `value` into slot `slot`. */
export function emitStoreSlot(
  w: ByteWriter,
  access: SlotAccess,
  type: ValType,
  slot: number,
  value: (w: ByteWriter) => void,
): void {
  if (type === "externref" || type === "funcref") {
    w.byte(OP.i32Const).s32(slot);
    value(w);
    w.byte(OP.call).u32(type === "externref" ? access.externSet : access.funcSet);
    return;
  }
  const memory = MEMORY_ACCESS[type] as { store: number; align: number };
  w.byte(OP.i32Const).s32(0);
  value(w);
  if (type === "v128") w.byte(OP.simdPrefix).u32(memory.store);
  else w.byte(memory.store);
  w.u32(memory.align).u32(slot * SLOT_SIZE);
}
