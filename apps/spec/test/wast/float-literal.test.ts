import { describe, expect, it } from "vitest";
import { parseF32, parseF64 } from "../../src/wast/float-literal.js";

const hex32 = (text: string): string => `0x${parseF32(text).toString(16).padStart(8, "0")}`;
const hex64 = (text: string): string => `0x${parseF64(text).toString(16).padStart(16, "0")}`;
/** The bits of the double JavaScript reads `text` as (correctly rounded). */
const jsBits = (text: string): bigint => {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Number(text));
  return view.getBigUint64(0);
};

describe("parseF32", () => {
  it("reads decimal, hex, signs and underscores", () => {
    expect(hex32("0")).toBe("0x00000000");
    expect(hex32("-0")).toBe("0x80000000");
    expect(hex32("+0.0")).toBe("0x00000000");
    expect(hex32("1")).toBe("0x3f800000");
    expect(hex32("1.")).toBe("0x3f800000");
    expect(hex32("-1.5")).toBe("0xbfc00000");
    expect(hex32("1.e1")).toBe("0x41200000");
    expect(hex32("1_000.000_1")).toBe(hex32("1000.0001"));
    expect(hex32("0.1")).toBe("0x3dcccccd");
    expect(hex32("1e38")).toBe("0x7e967699");
    expect(hex32("1E+38")).toBe("0x7e967699");
    expect(hex32("0x1.8p+3")).toBe("0x41400000");
    expect(hex32("0x1.8P3")).toBe("0x41400000");
    expect(hex32("0x10")).toBe("0x41800000");
    expect(hex32("0x1.")).toBe("0x3f800000");
    expect(hex32("0x1.p-1")).toBe("0x3f000000");
    expect(hex32("-0xA.Bp-1_0")).toBe(hex32("-0x0.0aBp-2"));
  });

  it("rounds to nearest, ties to even, straight from the exact value", () => {
    // Just below the tie between the largest f32 and 2^128: the largest f32.
    expect(hex32("0x1.fffffefffffff8000000p127")).toBe("0x7f7fffff");
    expect(hex32("0x1.fffffe7p127")).toBe("0x7f7fffff");
    expect(hex32("3.4028235677973366e38")).toBe("0x7f7fffff");
    // Ties: to the even neighbour.
    expect(hex32("0x1.000001p0")).toBe("0x3f800000");
    expect(hex32("0x1.000003p0")).toBe("0x3f800002");
    expect(hex32("0x1.00000100000000000p-50")).toBe(hex32("0x1p-50"));
    expect(hex32("0x1.00000100000000001p-50")).toBe("0x26800001");
    expect(hex32("1.000000059604644775390625")).toBe("0x3f800000");
    expect(hex32("1.000000178813934326171875")).toBe("0x3f800002");
    // Through f64 this decimal would first round to the tie 1 + 2^-24, then down to 1:
    // exactly it is above the tie.
    expect(hex32("1.0000000596046448")).toBe("0x3f800001");
    expect(hex32("1.00000005960464477539062501")).toBe("0x3f800001");
    expect(hex32("1.00000005960464477539062499")).toBe("0x3f800000");
  });

  it("rounds into and out of the subnormals", () => {
    expect(hex32("0x1p-149")).toBe("0x00000001");
    expect(hex32("0x1p-150")).toBe("0x00000000"); // a tie: to even, 0
    expect(hex32("0x1.000002p-150")).toBe("0x00000001");
    expect(hex32("0x3p-150")).toBe("0x00000002"); // 1.5 ulp: tie, to even 2
    expect(hex32("-0x1p-200")).toBe("0x80000000");
    expect(hex32("1e-45")).toBe("0x00000001");
    expect(hex32("7e-46")).toBe("0x00000000");
    expect(hex32("7.1e-46")).toBe("0x00000001");
    expect(hex32("0x1.fffffcp-127")).toBe("0x007fffff");
    expect(hex32("0x1.fffffep-127")).toBe("0x00800000"); // rounds up to the smallest normal
    expect(hex32("1e-400")).toBe("0x00000000");
    expect(hex32("0x1p-100000")).toBe("0x00000000");
  });

  it("refuses values that round to infinity", () => {
    expect(() => parseF32("0x1p128")).toThrow(RangeError);
    expect(() => parseF32("0x1.ffffffp127")).toThrow(RangeError); // the tie goes to 2^128
    expect(() => parseF32("3.4028235677973367e38")).toThrow(RangeError);
    expect(() => parseF32("1e39")).toThrow(RangeError);
    expect(() => parseF32("1e1000000000000")).toThrow(RangeError);
  });

  it("reads inf, nan and NaN payloads", () => {
    expect(hex32("inf")).toBe("0x7f800000");
    expect(hex32("+inf")).toBe("0x7f800000");
    expect(hex32("-inf")).toBe("0xff800000");
    expect(hex32("nan")).toBe("0x7fc00000");
    expect(hex32("-nan")).toBe("0xffc00000");
    expect(hex32("nan:0x200000")).toBe("0x7fa00000");
    expect(hex32("nan:0x1")).toBe("0x7f800001");
    expect(hex32("-nan:0x7f_ffff")).toBe("0xffffffff");
    expect(() => parseF32("nan:0x0")).toThrow(RangeError);
    expect(() => parseF32("nan:0x800000")).toThrow(RangeError);
  });

  it("refuses malformed literals", () => {
    const bad = [
      "",
      ".5",
      "1._5",
      "1__0",
      "_1",
      "1_",
      "1e",
      "1e_5",
      "0x",
      "0x.8",
      "0x_1",
      "0x1p",
      "1p3",
      "infinity",
      "nan:1",
      "nan:0x",
      "NaN",
      "--1",
      "0x1.8e3.0",
    ];
    for (const text of bad) expect(() => parseF32(text), text).toThrow(SyntaxError);
  });
});

describe("parseF64", () => {
  it("agrees with JavaScript's correctly rounded parse on decimal literals", () => {
    const cases = [
      "0.1",
      "1e23",
      "123456789012345678901234567890",
      "2.2250738585072011e-308", // the largest subnormal region edge
      "2.2250738585072012e-308",
      "4.9e-324",
      "2.4703282292062328e-324", // just above half the smallest subnormal: rounds up
      "1.7976931348623157e308",
      "1.7976931348623158e308",
      "9007199254740993", // 2^53 + 1: a tie, to even
      "9007199254740995",
      "0.30000000000000004",
      "3.141592653589793238462643383279502884197",
      `0.${"0".repeat(300)}1234567890123456789`,
      `1${"0".repeat(308)}`,
    ];
    for (const text of cases) expect(parseF64(text), text).toBe(jsBits(text));
  });

  it("reads hex literals exactly, subnormals and ties included", () => {
    expect(hex64("0x1p-1074")).toBe("0x0000000000000001");
    expect(hex64("0x1p-1075")).toBe("0x0000000000000000");
    expect(hex64("0x1.0000000000001p-1075")).toBe("0x0000000000000001");
    expect(hex64("0x1.fffffffffffffp1023")).toBe("0x7fefffffffffffff");
    expect(hex64("0x1.fffffffffffff7ffffp1023")).toBe("0x7fefffffffffffff");
    expect(hex64("0x1.00000000000008p0")).toBe("0x3ff0000000000000");
    expect(hex64("0x1.00000000000018p0")).toBe("0x3ff0000000000002");
    expect(hex64("-0x1.8p+3")).toBe("0xc028000000000000");
  });

  it("refuses values that round to infinity", () => {
    expect(() => parseF64("0x1.fffffffffffff8p1023")).toThrow(RangeError);
    expect(() => parseF64("1.7976931348623159e308")).toThrow(RangeError);
    expect(() => parseF64("1e309")).toThrow(RangeError);
  });

  it("reads inf, nan and NaN payloads", () => {
    expect(hex64("inf")).toBe("0x7ff0000000000000");
    expect(hex64("-inf")).toBe("0xfff0000000000000");
    expect(hex64("nan")).toBe("0x7ff8000000000000");
    expect(hex64("-nan")).toBe("0xfff8000000000000");
    expect(hex64("nan:0x4000000000001")).toBe("0x7ff4000000000001");
    expect(hex64("nan:0xf_ffff_ffff_ffff")).toBe("0x7fffffffffffffff");
    expect(() => parseF64("nan:0x10000000000000")).toThrow(RangeError);
  });
});
