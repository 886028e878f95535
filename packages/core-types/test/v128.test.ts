import { TypeMismatchError, V128, Val, ValueRangeError } from "@wasmcall/core-types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const BYTES = Array.from({ length: 16 }, (_, i) => i * 17); // 0x00, 0x11, ..., 0xff

describe("V128.fromBytes", () => {
  it("holds the 16 bytes, little endian in every lane view", () => {
    const v = V128.fromBytes(BYTES);
    expect([...v.bytes()]).toEqual(BYTES);
    expect([...v.u8x16()]).toEqual(BYTES);
    expect(v.i32x4()[0]).toBe(0x33221100);
    expect(v.i16x8()[0]).toBe(0x1100);
    expect(v.i64x2()[0]).toBe(0x7766554433221100n);
    expect(v.i8x16()[15]).toBe(-1);
  });

  it("accepts signed bytes, stored as their bits", () => {
    const v = V128.fromBytes(new Array(16).fill(-1));
    expect([...v.u8x16()]).toEqual(new Array(16).fill(255));
    expect(v.equals(V128.fromBytes(new Array(16).fill(255)))).toBe(true);
    expect([...V128.fromBytes(new Int8Array(16).fill(-128)).u8x16()]).toEqual(
      new Array(16).fill(128),
    );
  });

  it.each([0, 15, 17, 32])("rejects %i bytes", (length) => {
    expect(() => V128.fromBytes(new Uint8Array(length))).toThrow(ValueRangeError);
    expect(() => V128.fromBytes(new Uint8Array(length))).toThrow(`needs 16 bytes, got ${length}`);
  });

  it.each([256, -129, 1.5, Number.NaN])("rejects the byte %s", (bad) => {
    const bytes = new Array(16).fill(0);
    bytes[3] = bad;
    expect(() => V128.fromBytes(bytes)).toThrow(ValueRangeError);
  });
});

describe("lane views", () => {
  it("round trip i8x16", () => {
    const lanes = [-128, -1, 0, 1, 127, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -2];
    expect([...V128.fromI8x16(lanes).i8x16()]).toEqual(lanes);
  });

  it("round trip i16x8, reading unsigned input back signed", () => {
    const lanes = [-32768, -1, 0, 1, 32767, 1000, -1000, 7];
    expect([...V128.fromI16x8(lanes).i16x8()]).toEqual(lanes);
    expect(V128.fromI16x8([0xffff, 0, 0, 0, 0, 0, 0, 0x8000]).i16x8()[0]).toBe(-1);
    expect(V128.fromI16x8([0xffff, 0, 0, 0, 0, 0, 0, 0x8000]).i16x8()[7]).toBe(-32768);
  });

  it("round trip i32x4, reading unsigned input back signed", () => {
    const lanes = [-(2 ** 31), -1, 0, 2 ** 31 - 1];
    expect([...V128.fromI32x4(lanes).i32x4()]).toEqual(lanes);
    expect([...V128.fromI32x4([0xffffffff, 2 ** 31, 1, 2]).i32x4()]).toEqual([
      -1,
      -(2 ** 31),
      1,
      2,
    ]);
  });

  it("round trip i64x2, reading unsigned input back signed", () => {
    expect([...V128.fromI64x2([-(2n ** 63n), 2n ** 63n - 1n]).i64x2()]).toEqual([
      -(2n ** 63n),
      2n ** 63n - 1n,
    ]);
    expect([...V128.fromI64x2([2n ** 64n - 1n, 0n]).i64x2()]).toEqual([-1n, 0n]);
  });

  it("round trip f32x4Bits, NaN payloads exact", () => {
    const bits = [0x7fa00000, 0xffc00001, 0x7f800001, 0x80000000];
    expect([...V128.fromF32x4Bits(bits).f32x4Bits()]).toEqual(bits);
  });

  it("round trip f64x2Bits, NaN payloads exact", () => {
    const bits = [0x7ff4000000000001n, 0xfff8000000000001n];
    expect([...V128.fromF64x2Bits(bits).f64x2Bits()]).toEqual(bits);
  });

  it("round trip f32x4 and f64x2 numbers", () => {
    const v = V128.fromF32x4([0.5, -0, Number.POSITIVE_INFINITY, 1.5]);
    expect([...v.f32x4Bits()]).toEqual([0x3f000000, 0x80000000, 0x7f800000, 0x3fc00000]);
    const w = V128.fromF64x2([0.1, -0]);
    expect([...w.f64x2Bits()]).toEqual([0x3fb999999999999an, 0x8000000000000000n]);
  });

  it("round trip random bytes through every shape (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const v = V128.fromBytes(bytes);
        expect(V128.fromI8x16(v.i8x16()).equals(v)).toBe(true);
        expect(V128.fromI16x8(v.i16x8()).equals(v)).toBe(true);
        expect(V128.fromI32x4(v.i32x4()).equals(v)).toBe(true);
        expect(V128.fromI64x2(v.i64x2()).equals(v)).toBe(true);
        expect(V128.fromF32x4Bits(v.f32x4Bits()).equals(v)).toBe(true);
        expect(V128.fromF64x2Bits(v.f64x2Bits()).equals(v)).toBe(true);
        expect([...v.bytes()]).toEqual([...bytes]);
      }),
    );
  });
});

describe("lane checks", () => {
  it("reject the wrong number of lanes", () => {
    expect(() => V128.fromI8x16(new Array(8).fill(0))).toThrow(ValueRangeError);
    expect(() => V128.fromI16x8(new Array(16).fill(0))).toThrow("needs 8 lanes");
    expect(() => V128.fromI32x4([1, 2, 3])).toThrow("needs 4 lanes");
    expect(() => V128.fromI64x2([1n])).toThrow("needs 2 lanes");
    expect(() => V128.fromI64x2([1n, 2n, 3n])).toThrow(ValueRangeError);
    expect(() => V128.fromF32x4Bits([1, 2, 3, 4, 5])).toThrow(ValueRangeError);
    expect(() => V128.fromF64x2Bits([1n])).toThrow(ValueRangeError);
    expect(() => V128.fromF32x4([1, 2])).toThrow(ValueRangeError);
    expect(() => V128.fromF64x2([1, 2, 3])).toThrow(ValueRangeError);
  });

  it("reject lanes outside their range", () => {
    expect(() => V128.fromI16x8([0x10000, 0, 0, 0, 0, 0, 0, 0])).toThrow(ValueRangeError);
    expect(() => V128.fromI16x8([-32769, 0, 0, 0, 0, 0, 0, 0])).toThrow(ValueRangeError);
    expect(() => V128.fromI32x4([2 ** 32, 0, 0, 0])).toThrow("invalid i32 lane value 4294967296");
    expect(() => V128.fromI32x4([0.5, 0, 0, 0])).toThrow(ValueRangeError);
    expect(() => V128.fromI64x2([2n ** 64n, 0n])).toThrow(ValueRangeError);
    expect(() => V128.fromI64x2([-(2n ** 63n) - 1n, 0n])).toThrow(ValueRangeError);
    expect(() => V128.fromI64x2([1 as unknown as bigint, 0n])).toThrow(ValueRangeError);
    expect(() => V128.fromF32x4([0.1, 0, 0, 0])).toThrow("not exactly representable as f32");
    expect(() => V128.fromF64x2(["1" as unknown as number, 0])).toThrow(ValueRangeError);
  });
});

describe("immutability", () => {
  it("copies the input", () => {
    const bytes = new Uint8Array(16).fill(1);
    const v = V128.fromBytes(bytes);
    bytes.fill(9);
    expect([...v.bytes()]).toEqual(new Array(16).fill(1));

    const lanes = [1, 2, 3, 4];
    const w = V128.fromI32x4(lanes);
    lanes[0] = 100;
    expect(w.i32x4()[0]).toBe(1);
  });

  it("returns fresh arrays from every view", () => {
    const v = V128.fromI32x4([1, 2, 3, 4]);
    v.bytes().fill(0xff);
    v.u8x16().fill(0xff);
    v.i8x16().fill(-1);
    v.i16x8().fill(-1);
    v.i32x4().fill(-1);
    v.i64x2().fill(-1n);
    v.f32x4Bits().fill(0xffffffff);
    v.f64x2Bits().fill(1n);
    expect([...v.i32x4()]).toEqual([1, 2, 3, 4]);
    expect(v.bytes()).not.toBe(v.bytes());
  });

  it("keeps its bytes private", () => {
    const v = V128.fromI32x4([1, 2, 3, 4]);
    expect(Object.keys(v)).toEqual([]);
  });

  it("is made only by its static constructors, and tells itself from look-alikes", () => {
    const ctor = V128 as unknown as new (...args: unknown[]) => V128;
    const mine = new Uint8Array(16);
    class Sub extends ctor {}
    expect(() => new Sub(undefined, mine)).toThrow(TypeMismatchError);
    expect(V128.is(V128.zero())).toBe(true);
    const fake = Object.create(V128.prototype);
    expect(V128.is(fake)).toBe(false);
    expect(() => Val.v128(fake)).toThrow(ValueRangeError);
    expect(V128.zero().equals(fake)).toBe(false);
  });
});

describe("V128 helpers", () => {
  it("zero is all zero bytes", () => {
    expect([...V128.zero().bytes()]).toEqual(new Array(16).fill(0));
  });

  it("copyTo writes the bytes at an offset", () => {
    const target = new Uint8Array(20);
    V128.fromBytes(BYTES).copyTo(target, 2);
    expect([...target.subarray(2, 18)]).toEqual(BYTES);
    expect(target[0]).toBe(0);
    expect(target[18]).toBe(0);
  });

  it("copyWordsTo writes the vector as little-endian words at an index, every time", () => {
    const target = new Int32Array(6);
    const v = V128.fromBytes(BYTES);
    v.copyWordsTo(target, 1);
    expect([...new Uint8Array(target.buffer, 4, 16)]).toEqual(BYTES);
    expect(target[0]).toBe(0);
    expect(target[5]).toBe(0);
    target.fill(0);
    v.copyWordsTo(target, 2);
    expect([...new Uint8Array(target.buffer, 8, 16)]).toEqual(BYTES);
    expect([...v.bytes()]).toEqual(BYTES);
  });

  it("equals compares bytes", () => {
    expect(V128.fromI32x4([1, 2, 3, 4]).equals(V128.fromI32x4([1, 2, 3, 4]))).toBe(true);
    expect(V128.fromI32x4([1, 2, 3, 4]).equals(V128.fromI32x4([1, 2, 3, 5]))).toBe(false);
    expect(V128.fromI32x4([-1, 0, 0, 0]).equals(V128.fromI32x4([0xffffffff, 0, 0, 0]))).toBe(true);
  });

  it("toString shows four hexadecimal i32 lanes", () => {
    expect(String(V128.fromI32x4([1, 2, 3, -1]))).toBe(
      "i32x4 0x00000001 0x00000002 0x00000003 0xffffffff",
    );
  });
});
