import { refParts, SLOT_SIZE, UnsupportedFeatureError, type ValType } from "@wasmcall/core-types";
import type { ByteWriter } from "../binary/byte-writer.js";
import type { ModuleBuilder } from "../binary/module-builder.js";
import { OP } from "../binary/wasm-encoding.js";
import { type RefHierarchy, refHierarchy } from "../ref-hierarchy.js";

/**
 * The function indices, in a generated module, of the store's reference slot accessors it
 * imports (see `slotRefs`): -1 for one it does not need. Reading a reference slot empties it.
 */
export interface SlotAccess {
  readonly externTake: number;
  readonly externSet: number;
  readonly funcTake: number;
  readonly funcSet: number;
  readonly anyTake: number;
  readonly anySet: number;
  /** Writes `ref.cast` to reference type `type` (for a value read from its hierarchy's slot). */
  readonly cast: (w: ByteWriter, type: ValType) => void;
}

/** The slot table's own type of each hierarchy: what needs no cast when read. */
const TOP_TYPE: Readonly<Record<RefHierarchy, ValType>> = Object.freeze({
  func: "funcref",
  extern: "externref",
  any: "anyref",
  exn: "exnref",
});

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
 * them: the scratch memory `env.slots`, and for each hierarchy of reference types among `types`
 * the store's accessors of that reference slot table (`env.externTake`, `env.externSet`,
 * `env.funcTake`, `env.funcSet`, `env.anyTake`, `env.anySet`), never the tables themselves. A
 * reference of a type below its table's (`(ref $point)` in the anyref slots) is cast to it as
 * it is read: the value was checked before it was written, so the cast only tells the type to
 * the engine. Some engines keep every instance that imports
 * a funcref table alive as long as the table lives, so a module made per function, host
 * function or global must import functions only.
 *
 * @throws {UnsupportedFeatureError} for an exception reference among `types`: no JavaScript
 * value can hold one (the JS API refuses them at the boundary), so no slot does.
 */
export function importSlots(builder: ModuleBuilder, types: readonly ValType[]): SlotAccess {
  const hierarchies = new Set(types.map(refHierarchy));
  if (hierarchies.has("exn")) {
    throw new UnsupportedFeatureError(
      `a value of type ${types.find((t) => refHierarchy(t) === "exn")}`,
      "exception references as JavaScript values",
    );
  }
  builder.importMemory("env", "slots", 1);
  const accessor = (
    hierarchy: RefHierarchy,
    name: string,
    params: readonly ValType[],
    results: ValType[],
  ) =>
    hierarchies.has(hierarchy)
      ? builder.importFunc("env", name, builder.type(params, results))
      : -1;
  const externTake = accessor("extern", "externTake", ["i32"], ["externref"]);
  const externSet = accessor("extern", "externSet", ["i32", "externref"], []);
  const funcTake = accessor("func", "funcTake", ["i32"], ["funcref"]);
  const funcSet = accessor("func", "funcSet", ["i32", "funcref"], []);
  const anyTake = accessor("any", "anyTake", ["i32"], ["anyref"]);
  const anySet = accessor("any", "anySet", ["i32", "anyref"], []);
  for (const t of types) {
    const parts = refParts(t);
    if (parts !== undefined) builder.useHeap(parts.heap);
  }
  const cast = (w: ByteWriter, type: ValType) => {
    const parts = refParts(type);
    if (parts === undefined) return;
    w.byte(OP.gcPrefix).u32(parts.nullable ? OP.refCastNull : OP.refCast);
    builder.heapType(w, parts.heap);
  };
  return { externTake, externSet, funcTake, funcSet, anyTake, anySet, cast };
}

/**
 * Emits code that pushes the value of `type` held in slot `slot`; a reference slot is emptied
 * as it is read.
 */
export function emitLoadSlot(w: ByteWriter, access: SlotAccess, type: ValType, slot: number): void {
  const hierarchy = refHierarchy(type);
  if (hierarchy !== undefined) {
    const take = { extern: access.externTake, func: access.funcTake, any: access.anyTake }[
      hierarchy as "extern" | "func" | "any"
    ];
    w.byte(OP.i32Const).s32(slot).byte(OP.call).u32(take);
    if (type !== TOP_TYPE[hierarchy]) access.cast(w, type);
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
  const hierarchy = refHierarchy(type);
  if (hierarchy !== undefined) {
    const set = { extern: access.externSet, func: access.funcSet, any: access.anySet }[
      hierarchy as "extern" | "func" | "any"
    ];
    w.byte(OP.i32Const).s32(slot);
    value(w);
    w.byte(OP.call).u32(set);
    return;
  }
  const memory = MEMORY_ACCESS[type] as { store: number; align: number };
  w.byte(OP.i32Const).s32(0);
  value(w);
  if (type === "v128") w.byte(OP.simdPrefix).u32(memory.store);
  else w.byte(memory.store);
  w.u32(memory.align).u32(slot * SLOT_SIZE);
}
