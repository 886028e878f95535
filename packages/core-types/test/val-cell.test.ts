import { FuncType, V128, Val } from "@wasmcall/core-types";
import { describe, expect, it } from "vitest";

/** The 4 words (little endian) of the i32x4 lanes `lanes`, after `pad` words of padding. */
function words(lanes: number[], pad = 0): Int32Array {
  const out = new Int32Array(pad + 4);
  out.set(lanes, pad);
  return out;
}

describe("Val.setCell", () => {
  it("writes the type and value into the cell, which stays the same object", () => {
    const cell = Val.cell();
    const target = [cell];
    Val.setCell(cell, "f64", 0x80000000, 0x3ff00000, null);
    expect(target[0]).toBe(cell);
    expect(cell.type).toBe("f64");
    expect(cell.f64Bits()).toBe(0x3ff0000080000000n);
    expect(cell.isCell).toBe(true);
    Val.setCell(cell, "f32", 0x7fa00001, 0, null);
    expect(cell.type).toBe("f32");
    expect(cell.f32Bits()).toBe(0x7fa00001);
    Val.setCell(cell, "i32", -5, 0, null);
    expect(cell.i32()).toBe(-5);
    expect(String(cell)).toBe("i32:-5");
  });

  it("keeps f64 NaN payloads and -0 exactly", () => {
    const cell = Val.cell();
    Val.setCell(cell, "f64", 1, 0x7ff00000, null);
    expect(cell.f64Bits()).toBe(0x7ff0000000000001n);
    Val.setCell(cell, "f64", 0, 0x80000000, null);
    expect(cell.f64Bits()).toBe(0x8000000000000000n);
    expect(Object.is(cell.f64(), -0)).toBe(true);
    expect(cell.equals(Val.f64(-0))).toBe(true);
    expect(cell.equals(Val.f64(0))).toBe(false);
  });

  it("writes references, replacing one of the same type", () => {
    const cell = Val.cell();
    const a = { a: 1 };
    const b = { b: 2 };
    Val.setCell(cell, "externref", 0, 0, a);
    expect(cell.externref()).toBe(a);
    Val.setCell(cell, "externref", 0, 0, b);
    expect(cell.externref()).toBe(b);
    Val.setCell(cell, "i64", 0, 0, -(2n ** 63n));
    expect(cell.i64()).toBe(-(2n ** 63n));
    Val.setCell(cell, "i64", 0, 0, 5n);
    expect(cell.i64()).toBe(5n);
    Val.setCell(cell, "externref", 0, 0, null);
    expect(cell.externref()).toBeNull();
    expect(String(cell)).toBe("externref:null");
  });

  it("tells +0 from -0 in an externref, as Val.equals does", () => {
    const cell = Val.cell();
    Val.setCell(cell, "externref", 0, 0, 0);
    expect(Object.is(cell.externref(), 0)).toBe(true);
    Val.setCell(cell, "externref", 0, 0, -0);
    expect(Object.is(cell.externref(), -0)).toBe(true);
    expect(cell.equals(Val.externref(-0))).toBe(true);
    Val.setCell(cell, "externref", 0, 0, Number.NaN);
    expect(cell.externref()).toBeNaN();
  });

  it("clears the reference of the value it replaces", () => {
    const cell = Val.cell();
    Val.setCell(cell, "externref", 0, 0, { held: true });
    Val.setCell(cell, "f32", 0x3f800000, 0, null);
    expect(Val.refOf(cell)).toBeNull();
    expect(cell.f32()).toBe(1);
    Val.setCell(cell, "i64", 0, 0, 7n);
    Val.setCell(cell, "i32", 7, 0, null);
    expect(Val.refOf(cell)).toBeNull();
    expect(cell.equals(Val.i32(7))).toBe(true);
  });

  it("writes a funcref", () => {
    const type = new FuncType(["i32"], []);
    const handle = { ty: () => type };
    const cell = Val.cell();
    Val.setCell(cell, "funcref", 0, 0, handle);
    expect(cell.funcref()).toBe(handle);
    expect(String(cell)).toBe("funcref:(i32) -> ()");
    Val.setCell(cell, "funcref", 0, 0, null);
    expect(cell.funcref()).toBeNull();
  });

  it("turns a cell holding a v128 into a number, and back through putV128", () => {
    const cell = Val.cell();
    const target = [cell];
    Val.putV128(target, 0, words([1, 2, 3, 4]), 0);
    const vector = cell.v128();
    Val.setCell(cell, "f64", 0, 0xfff80000, null);
    expect(cell.type).toBe("f64");
    expect(Val.refOf(cell)).toBeNull();
    expect(cell.f64Bits()).toBe(0xfff8000000000000n);
    Val.putV128(target, 0, words([5, 6, 7, 8]), 0);
    expect([...cell.v128().i32x4()]).toEqual([5, 6, 7, 8]);
    expect([...vector.i32x4()]).toEqual([1, 2, 3, 4]);
  });
});

describe("Val.putV128", () => {
  it("copies the words into a cell in place", () => {
    const cell = Val.cell();
    const target = [cell];
    const source = words([1, -2, 0x7fffffff, -0x80000000]);
    Val.putV128(target, 0, source, 0);
    expect(target[0]).toBe(cell);
    expect(cell.type).toBe("v128");
    source.fill(0);
    expect([...cell.v128().i32x4()]).toEqual([1, -2, 0x7fffffff, -0x80000000]);
  });

  it("reads the words at the offset given", () => {
    const cell = Val.cell();
    Val.putV128([cell], 0, words([9, 10, 11, 12], 8), 8);
    expect([...cell.v128().i32x4()]).toEqual([9, 10, 11, 12]);
    const plain: Val[] = [];
    Val.putV128(plain, 0, words([13, 14, 15, 16], 4), 4);
    expect([...(plain[0] as Val).v128().i32x4()]).toEqual([13, 14, 15, 16]);
  });

  it("leaves a V128 read from the cell as it was when a later value is written", () => {
    const cell = Val.cell();
    const target = [cell];
    Val.putV128(target, 0, words([1, 1, 1, 1]), 0);
    const first = cell.v128();
    expect(cell.v128()).toBe(first);
    Val.putV128(target, 0, words([2, 2, 2, 2]), 0);
    expect([...first.i32x4()]).toEqual([1, 1, 1, 1]);
    const second = cell.v128();
    expect(second).not.toBe(first);
    expect([...second.i32x4()]).toEqual([2, 2, 2, 2]);
  });

  it("compares and prints a cell's v128 whether it was read or not", () => {
    const cell = Val.cell();
    Val.putV128([cell], 0, words([1, 2, 3, -1]), 0);
    const same = Val.v128(V128.fromI32x4([1, 2, 3, -1]));
    expect(cell.equals(same)).toBe(true);
    expect(same.equals(cell)).toBe(true);
    Val.putV128([cell], 0, words([1, 2, 3, -1]), 0);
    expect(String(cell)).toBe("v128:i32x4 0x00000001 0x00000002 0x00000003 0xffffffff");
    Val.putV128([cell], 0, words([0, 0, 0, 0]), 0);
    expect(cell.equals(same)).toBe(false);
    expect(cell.equals(Val.v128(V128.zero()))).toBe(true);
  });

  it("makes a new Val in a slot that holds no cell, leaving the old value as it was", () => {
    const old = Val.v128(V128.fromI32x4([7, 7, 7, 7]));
    const target = [old];
    const source = words([1, 2, 3, 4]);
    Val.putV128(target, 0, source, 0);
    const made = target[0] as Val;
    expect(made).not.toBe(old);
    expect(made.isCell).toBe(false);
    expect([...made.v128().i32x4()]).toEqual([1, 2, 3, 4]);
    source.fill(-1);
    expect([...made.v128().i32x4()]).toEqual([1, 2, 3, 4]);
    expect([...old.v128().i32x4()]).toEqual([7, 7, 7, 7]);
    const empty: Val[] = new Array(1);
    Val.putV128(empty, 0, words([5, 5, 5, 5]), 0);
    expect([...(empty[0] as Val).v128().i32x4()]).toEqual([5, 5, 5, 5]);
    const numbers = [Val.i32(1), Val.f64(2)];
    Val.putV128(numbers, 1, words([6, 6, 6, 6]), 0);
    expect(numbers[0]?.i32()).toBe(1);
    expect([...(numbers[1] as Val).v128().i32x4()]).toEqual([6, 6, 6, 6]);
  });

  it("replaces what is not a Val at all", () => {
    const target = [{ type: "v128" } as unknown as Val];
    Val.putV128(target, 0, words([3, 3, 3, 3]), 0);
    expect(Val.is(target[0])).toBe(true);
    expect([...(target[0] as Val).v128().i32x4()]).toEqual([3, 3, 3, 3]);
  });
});

describe("Val.isResultCell", () => {
  it("is true only for cells", () => {
    expect(Val.isResultCell(Val.cell())).toBe(true);
    const cell = Val.cell();
    Val.setCell(cell, "f64", 0, 0, null);
    expect(Val.isResultCell(cell)).toBe(true);
    Val.putV128([cell], 0, words([1, 2, 3, 4]), 0);
    expect(Val.isResultCell(cell)).toBe(true);
  });

  it("is false for anything else", () => {
    expect(Val.isResultCell(undefined)).toBe(false);
    expect(Val.isResultCell(null)).toBe(false);
    expect(Val.isResultCell(0)).toBe(false);
    expect(Val.isResultCell(1)).toBe(false);
    expect(Val.isResultCell("cell")).toBe(false);
    expect(Val.isResultCell({})).toBe(false);
    expect(Val.isResultCell({ isCell: true })).toBe(false);
    expect(Val.isResultCell(Object.create(Val.prototype))).toBe(false);
    expect(Val.isResultCell(new Proxy(Val.cell(), {}))).toBe(false);
    expect(Val.isResultCell(Val.i32(0))).toBe(false);
    expect(Val.isResultCell(Val.f64(0))).toBe(false);
    expect(Val.isResultCell(Val.raw("f64", 0, 0, null))).toBe(false);
    expect(Val.isResultCell(Val.v128(V128.zero()))).toBe(false);
  });

  it("is false for the new Val put makes in a slot without a cell", () => {
    const target: Val[] = new Array(1);
    Val.put(target, 0, "f64", 0, 0x3ff00000, null);
    expect(Val.isResultCell(target[0])).toBe(false);
    Val.putV128(target, 0, words([1, 1, 1, 1]), 0);
    expect(Val.isResultCell(target[0])).toBe(false);
  });
});
