import { SLOT_SIZE, slotBytes, VAL_TYPES, type ValType } from "@wasmcall/core-types";
import { describe, expect, it } from "vitest";

describe("slot layout", () => {
  it("uses 16-byte slots", () => {
    expect(SLOT_SIZE).toBe(16);
  });

  it.each([
    ["i32", 4],
    ["i64", 8],
    ["f32", 4],
    ["f64", 8],
    ["v128", 16],
    ["funcref", 0],
    ["externref", 0],
  ] as [ValType, number][])("a %s occupies %i bytes of its slot", (type, bytes) => {
    expect(slotBytes(type)).toBe(bytes);
  });

  it("fits every value type in one slot", () => {
    for (const type of VAL_TYPES) expect(slotBytes(type)).toBeLessThanOrEqual(SLOT_SIZE);
  });
});
