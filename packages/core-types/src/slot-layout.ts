import type { ValType } from "./val-type.js";

/**
 * The raw slot layout shared by the trampolines and the strategies.
 *
 * A call's values sit in consecutive 16-byte slots of the store's scratch memory, little endian:
 * value `i` of a list is in slot `i`, at byte offset `i * SLOT_SIZE`. Parameters are written to
 * the slots before a call; results replace them after it. Within a slot:
 *
 * | type | bytes | encoding |
 * | --- | --- | --- |
 * | i32 | 0..4 | two's complement |
 * | i64 | 0..8 | two's complement |
 * | f32 | 0..4 | IEEE 754 bits, NaN payloads kept |
 * | f64 | 0..8 | IEEE 754 bits, NaN payloads kept |
 * | v128 | 0..16 | the vector's bytes |
 * | funcref, externref | none | the value sits at index `i` of the store's reference tables |
 */
export const SLOT_SIZE = 16;

/** The number of bytes a value of `type` occupies at the start of its slot (0 for references). */
export function slotBytes(type: ValType): number {
  switch (type) {
    case "i32":
    case "f32":
      return 4;
    case "i64":
    case "f64":
      return 8;
    case "v128":
      return 16;
    default:
      return 0;
  }
}
