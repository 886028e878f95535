import { FuncType, V128, Val } from "@wasmcall/core-types";
import { describe, expect, it } from "vitest";
import { HostRefs } from "../src/host-refs.js";
import type { SpecValue } from "../src/spec-format.js";
import {
  formatVal,
  isArithmeticNanF32,
  isArithmeticNanF64,
  isCanonicalNanF32,
  isCanonicalNanF64,
  parseArg,
  parseExpected,
} from "../src/spec-value.js";

const refs = new HostRefs();
const arg = (type: string, value: string): Val => parseArg({ type, value }, refs);
const expected = (value: SpecValue) => parseExpected(value, refs);
const f32x4 = (...lanes: number[]) => Val.v128(V128.fromF32x4Bits(lanes));
const f64x2 = (...lanes: bigint[]) => Val.v128(V128.fromF64x2Bits(lanes));
const someFunc = Val.funcref({ ty: () => new FuncType([], []), store: {} });

describe("parseArg", () => {
  it("reads integers given as unsigned decimal bits", () => {
    expect(arg("i32", "4294967295").i32()).toBe(-1);
    expect(arg("i32", "2147483648").i32()).toBe(-2147483648);
    expect(arg("i64", "18446744073709551615").i64()).toBe(-1n);
    expect(arg("i64", "9223372036854775808").i64()).toBe(-(2n ** 63n));
  });

  it("reads floats as exact bits, NaN payloads kept", () => {
    expect(arg("f32", "2141192192").f32Bits()).toBe(0x7fa00000);
    expect(arg("f32", "4290772992").f32Bits()).toBe(0xffc00000);
    expect(arg("f64", "9219994337134247937").f64Bits()).toBe(0x7ff4000000000001n);
  });

  it("reads v128 lanes of every shape, little endian", () => {
    const lanes = (lane_type: string, value: string[]) =>
      parseArg({ type: "v128", lane_type, value }, refs).v128();
    expect([...lanes("i8", [...Array(16).keys()].map(String)).u8x16()]).toEqual([
      ...Array(16).keys(),
    ]);
    expect([...lanes("i16", ["65535", "1", "0", "0", "0", "0", "0", "2"]).i16x8()]).toEqual([
      -1, 1, 0, 0, 0, 0, 0, 2,
    ]);
    expect([...lanes("i32", ["4294967295", "1", "2", "3"]).i32x4()]).toEqual([-1, 1, 2, 3]);
    expect([...lanes("i64", ["18446744073709551615", "5"]).i64x2()]).toEqual([-1n, 5n]);
    expect([...lanes("f32", ["2141192192", "0", "0", "1065353216"]).f32x4Bits()]).toEqual([
      0x7fa00000, 0, 0, 0x3f800000,
    ]);
    expect([...lanes("f64", ["9219994337134247937", "0"]).f64x2Bits()]).toEqual([
      0x7ff4000000000001n,
      0n,
    ]);
  });

  it("gives one object per host reference id", () => {
    const a = arg("externref", "1").externref();
    expect(arg("externref", "1").externref()).toBe(a);
    expect(arg("externref", "2").externref()).not.toBe(a);
    expect(arg("externref", "null").externref()).toBeNull();
    expect(arg("funcref", "null").funcref()).toBeNull();
  });

  it("refuses what an argument cannot be", () => {
    expect(() => arg("funcref", "0")).toThrow(/only be null/);
    expect(() => arg("stringref", "null")).toThrow(/unknown value type/);
    expect(() => arg("f32", "nan:canonical")).toThrow();
    expect(() => parseArg({ type: "v128", lane_type: "i32", value: ["1"] }, refs)).toThrow(
      /needs 4 lanes/,
    );
    expect(() => parseArg({ type: "v128", lane_type: "i128", value: [] }, refs)).toThrow(
      /lane type/,
    );
  });
});

describe("NaN patterns", () => {
  it("f32: canonical is the quiet NaN alone, either sign", () => {
    expect(isCanonicalNanF32(0x7fc00000)).toBe(true);
    expect(isCanonicalNanF32(0xffc00000)).toBe(true);
    expect(isCanonicalNanF32(0x7fc00001)).toBe(false);
    expect(isCanonicalNanF32(0x7fa00000)).toBe(false);
    expect(isCanonicalNanF32(0x7f800000)).toBe(false);
  });

  it("f32: arithmetic is any NaN with the quiet bit", () => {
    expect(isArithmeticNanF32(0x7fc00000)).toBe(true);
    expect(isArithmeticNanF32(0xffe00001)).toBe(true);
    expect(isArithmeticNanF32(0x7fa00000)).toBe(false);
    expect(isArithmeticNanF32(0x7f800000)).toBe(false);
    expect(isArithmeticNanF32(0x3fc00000)).toBe(false);
  });

  it("f64: canonical and arithmetic", () => {
    expect(isCanonicalNanF64(0x7ff8000000000000n)).toBe(true);
    expect(isCanonicalNanF64(0xfff8000000000000n)).toBe(true);
    expect(isCanonicalNanF64(0x7ff8000000000001n)).toBe(false);
    expect(isCanonicalNanF64(0x7ff4000000000000n)).toBe(false);
    expect(isArithmeticNanF64(0x7ff8000000000001n)).toBe(true);
    expect(isArithmeticNanF64(0xfffc000000000000n)).toBe(true);
    expect(isArithmeticNanF64(0x7ff4000000000000n)).toBe(false);
    expect(isArithmeticNanF64(0x7ff0000000000000n)).toBe(false);
  });
});

describe("parseExpected", () => {
  it("compares numbers by exact bits and type", () => {
    const e = expected({ type: "i32", value: "4294967295" });
    expect(e.matches(Val.i32(-1))).toBe(true);
    expect(e.matches(Val.i32(1))).toBe(false);
    expect(e.matches(Val.f32Bits(0xffffffff))).toBe(false);
    const nan = expected({ type: "f32", value: "2141192192" });
    expect(nan.matches(Val.f32Bits(0x7fa00000))).toBe(true);
    expect(nan.matches(Val.f32Bits(0x7fe00000))).toBe(false);
    const zero = expected({ type: "f64", value: "0" });
    expect(zero.matches(Val.f64Bits(0n))).toBe(true);
    expect(zero.matches(Val.f64Bits(0x8000000000000000n))).toBe(false);
    expect(expected({ type: "i64", value: "18446744073709551615" }).matches(Val.i64(-1n))).toBe(
      true,
    );
  });

  it("matches NaN patterns of f32 and f64", () => {
    const canonical32 = expected({ type: "f32", value: "nan:canonical" });
    expect(canonical32.matches(Val.f32Bits(0xffc00000))).toBe(true);
    expect(canonical32.matches(Val.f32Bits(0x7fe00000))).toBe(false);
    expect(canonical32.matches(Val.f64Bits(0x7ff8000000000000n))).toBe(false);
    const arithmetic32 = expected({ type: "f32", value: "nan:arithmetic" });
    expect(arithmetic32.matches(Val.f32Bits(0x7fe00000))).toBe(true);
    expect(arithmetic32.matches(Val.f32Bits(0x7fa00000))).toBe(false);
    const canonical64 = expected({ type: "f64", value: "nan:canonical" });
    expect(canonical64.matches(Val.f64Bits(0x7ff8000000000000n))).toBe(true);
    expect(canonical64.matches(Val.f64Bits(0x7ffc000000000000n))).toBe(false);
    const arithmetic64 = expected({ type: "f64", value: "nan:arithmetic" });
    expect(arithmetic64.matches(Val.f64Bits(0x7ffc000000000000n))).toBe(true);
    expect(arithmetic64.matches(Val.f64Bits(0x7ff4000000000000n))).toBe(false);
    expect(String(canonical32)).toBe("f32:nan:canonical");
  });

  it("matches v128 per lane, NaN patterns included", () => {
    const e = expected({
      type: "v128",
      lane_type: "f32",
      value: ["nan:canonical", "nan:arithmetic", "1065353216", "0"],
    });
    expect(e.matches(f32x4(0x7fc00000, 0x7fe00000, 0x3f800000, 0))).toBe(true);
    expect(e.matches(f32x4(0xffc00000, 0xffc00001, 0x3f800000, 0))).toBe(true);
    expect(e.matches(f32x4(0x7fc00001, 0x7fe00000, 0x3f800000, 0))).toBe(false);
    expect(e.matches(f32x4(0x7fc00000, 0x7fa00000, 0x3f800000, 0))).toBe(false);
    expect(e.matches(f32x4(0x7fc00000, 0x7fe00000, 0x3f800000, 1))).toBe(false);
    expect(e.matches(Val.i32(0))).toBe(false);
    const d = expected({
      type: "v128",
      lane_type: "f64",
      value: ["nan:arithmetic", "nan:canonical"],
    });
    expect(d.matches(f64x2(0x7ffc000000000001n, 0xfff8000000000000n))).toBe(true);
    expect(d.matches(f64x2(0x7ff4000000000000n, 0xfff8000000000000n))).toBe(false);
    expect(d.matches(f64x2(0x7ff8000000000000n, 0x7ff8000000000001n))).toBe(false);
  });

  it("compares integer lanes exactly in their shape", () => {
    const e = expected({
      type: "v128",
      lane_type: "i16",
      value: ["65535", "1", "2", "3", "4", "5", "6", "7"],
    });
    expect(e.matches(Val.v128(V128.fromI16x8([-1, 1, 2, 3, 4, 5, 6, 7])))).toBe(true);
    expect(e.matches(Val.v128(V128.fromI16x8([-1, 1, 2, 3, 4, 5, 6, 8])))).toBe(false);
    expect(() => expected({ type: "v128", lane_type: "i8", value: ["0"] })).toThrow(/16 lanes/);
  });

  it("does not let an integer lane match a NaN pattern", () => {
    const e = expected({ type: "v128", lane_type: "i32", value: ["nan:canonical", "0", "0", "0"] });
    expect(e.matches(f32x4(0x7fc00000, 0, 0, 0))).toBe(false);
  });

  it("matches references: host ids by identity, null, any non-null funcref", () => {
    const one = expected({ type: "externref", value: "1" });
    expect(one.matches(Val.externref(refs.get("1")))).toBe(true);
    expect(one.matches(Val.externref({ id: "1" }))).toBe(false);
    expect(one.matches(Val.externref(null))).toBe(false);
    expect(expected({ type: "externref", value: "null" }).matches(Val.externref(null))).toBe(true);
    expect(expected({ type: "funcref", value: "null" }).matches(Val.funcref(null))).toBe(true);
    expect(expected({ type: "funcref", value: "null" }).matches(someFunc)).toBe(false);
    expect(expected({ type: "funcref" }).matches(someFunc)).toBe(true);
    expect(expected({ type: "funcref" }).matches(Val.funcref(null))).toBe(false);
    expect(expected({ type: "funcref" }).matches(Val.raw("funcref", 0, 0, () => {}))).toBe(false);
    expect(expected({ type: "funcref" }).matches(Val.externref(refs.get("1")))).toBe(false);
  });

  it("refuses a NaN pattern for an integer and unknown types", () => {
    expect(() => expected({ type: "i32", value: "nan:canonical" })).toThrow(/not a i32/);
    expect(() => expected({ type: "stringref", value: "null" })).toThrow(/unknown value type/);
  });
});

describe("formatVal", () => {
  it("writes values for failure reports", () => {
    expect(formatVal(Val.f32Bits(0x7fa00000))).toBe("f32:0x7fa00000");
    expect(formatVal(Val.externref(refs.get("7")))).toBe("externref:ref.host 7");
    expect(formatVal(f32x4(0x7fc00000, 0, 0, 0x3f800000), "f32")).toBe(
      "v128:f32x4[0x7fc00000 0x00000000 0x00000000 0x3f800000]",
    );
    expect(formatVal(Val.v128(V128.fromI32x4([-1, 0, 1, 2])))).toBe("v128:i32x4[4294967295 0 1 2]");
    const e = expected({ type: "v128", lane_type: "i8", value: Array(16).fill("1") });
    expect(e.show(Val.v128(V128.zero()))).toBe(`v128:i8x16[${Array(16).fill("0").join(" ")}]`);
  });
});

describe("the 3.0 suite's reference values", () => {
  it("makes a null argument the parameter type's null, whatever heap type the script names", () => {
    const nullFunc = parseArg({ type: "refnull", heap: "$t" }, refs, "funcref");
    expect(nullFunc.type).toBe("funcref");
    expect(nullFunc.ref).toBe(null);
    expect(parseArg({ type: "anyref", value: "null" }, refs, "externref").type).toBe("externref");
    expect(parseArg({ type: "funcref", value: "null" }, refs, "funcref").ref).toBe(null);
  });

  it("passes a host reference (ref.host, ref.extern) as the parameter's type, one object per id", () => {
    const host = parseArg({ type: "anyref", value: "7" }, refs, "externref");
    expect(host.type).toBe("externref");
    expect(host.ref).toBe(refs.get("7"));
    expect(parseArg({ type: "externref", value: "7" }, refs, "externref").ref).toBe(host.ref);
  });

  it("matches any null for a null pattern, of any reference type, and no non-null", () => {
    for (const pattern of [{ type: "refnull" }, { type: "nullfuncref", value: "null" }]) {
      const e = expected(pattern);
      expect(e.matches(Val.funcref(null))).toBe(true);
      expect(e.matches(Val.externref(null))).toBe(true);
      expect(e.matches(someFunc)).toBe(false);
      expect(e.matches(Val.i32(0))).toBe(false);
    }
  });

  it("matches a host reference by identity, whichever reference type carries it", () => {
    const e = expected({ type: "anyref", value: "3" });
    expect(e.matches(Val.externref(refs.get("3")))).toBe(true);
    expect(e.matches(Val.externref(refs.get("4")))).toBe(false);
    expect(e.matches(Val.externref(null))).toBe(false);
    expect(String(e)).toBe("ref.host 3");
  });

  it("matches any non-null reference of a kind: a function for ref.func, anything for ref.extern", () => {
    expect(expected({ type: "funcref" }).matches(someFunc)).toBe(true);
    expect(expected({ type: "funcref" }).matches(Val.funcref(null))).toBe(false);
    expect(expected({ type: "externref" }).matches(Val.externref(0))).toBe(true);
    expect(expected({ type: "externref" }).matches(Val.externref(null))).toBe(false);
  });

  it("matches either alternative of an either, and shows them all", () => {
    const e = expected({
      type: "either",
      values: [
        { type: "i32", value: "1" },
        { type: "i32", value: "4294967295" },
      ],
    });
    expect(e.matches(Val.i32(1))).toBe(true);
    expect(e.matches(Val.i32(-1))).toBe(true);
    expect(e.matches(Val.i32(2))).toBe(false);
    expect(String(e)).toBe("either(i32:1 | i32:-1)");
  });
});
