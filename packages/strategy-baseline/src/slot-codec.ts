import { SLOT_SIZE, Val, type ValType } from "@wasmcall/core-types";
import type { Slots } from "@wasmcall/runtime";

/**
 * Writes `val` (a checked `Val`: see `Val.is`) into slot `index` of `buffer` (a copy of the store's slot memory), as the slot
 * layout says; references go straight to the store's reference slots, which live in tables.
 */
export function encodeSlot(slots: Slots, buffer: Uint8Array, index: number, val: Val): void {
  const view = new DataView(buffer.buffer, buffer.byteOffset + index * SLOT_SIZE, SLOT_SIZE);
  switch (Val.typeOf(val)) {
    case "i32":
    case "f32":
      view.setUint32(0, Val.loOf(val) >>> 0, true);
      return;
    case "f64":
      view.setUint32(0, Val.loOf(val), true);
      view.setUint32(4, Val.hiOf(val), true);
      return;
    case "i64":
      view.setBigInt64(0, val.i64(), true);
      return;
    case "v128":
      buffer.set(val.v128().bytes(), index * SLOT_SIZE);
      return;
    default:
      slots.write(index, val);
  }
}

/** Reads slot `index` of `buffer` (a copy of the store's slot memory) as a value of `type`. */
export function decodeSlot(slots: Slots, buffer: Uint8Array, index: number, type: ValType): Val {
  const view = new DataView(buffer.buffer, buffer.byteOffset + index * SLOT_SIZE, SLOT_SIZE);
  switch (type) {
    case "i32":
      return Val.i32(view.getInt32(0, true));
    case "f32":
      return Val.f32Bits(view.getUint32(0, true));
    case "f64":
      return Val.f64Words(view.getUint32(0, true), view.getUint32(4, true));
    case "i64":
      return Val.i64(view.getBigInt64(0, true));
    case "v128":
      return Val.v128(buffer.subarray(index * SLOT_SIZE, index * SLOT_SIZE + 16));
    default:
      return slots.read(index, type);
  }
}
