import { describe, expect, it } from "vitest";
import { parseIntLiteral, parseNatLiteral } from "../../src/wast/int-literal.js";

describe("parseIntLiteral", () => {
  it("gives the two's-complement bits, unsigned", () => {
    expect(parseIntLiteral("0", 32)).toBe(0n);
    expect(parseIntLiteral("-1", 32)).toBe(0xffffffffn);
    expect(parseIntLiteral("-0", 32)).toBe(0n);
    expect(parseIntLiteral("-1", 64)).toBe(0xffffffffffffffffn);
    expect(parseIntLiteral("-0x8000_0000", 32)).toBe(0x80000000n);
    expect(parseIntLiteral("-9223372036854775808", 64)).toBe(1n << 63n);
    expect(parseIntLiteral("0xFfFf_fFfF", 32)).toBe(0xffffffffn);
    expect(parseIntLiteral("1_000_000", 32)).toBe(1000000n);
    expect(parseIntLiteral("-128", 8)).toBe(0x80n);
    expect(parseIntLiteral("65535", 16)).toBe(0xffffn);
  });

  it("takes unsigned values to 2^N-1 without a sign, signed values with one", () => {
    expect(parseIntLiteral("4294967295", 32)).toBe(0xffffffffn);
    expect(() => parseIntLiteral("4294967296", 32)).toThrow(RangeError);
    expect(parseIntLiteral("+2147483647", 32)).toBe(0x7fffffffn);
    expect(() => parseIntLiteral("+2147483648", 32)).toThrow(RangeError);
    expect(() => parseIntLiteral("+0xffffffff", 32)).toThrow(RangeError);
    expect(() => parseIntLiteral("-2147483649", 32)).toThrow(RangeError);
    expect(parseIntLiteral("18446744073709551615", 64)).toBe(0xffffffffffffffffn);
    expect(() => parseIntLiteral("18446744073709551616", 64)).toThrow(RangeError);
    expect(() => parseIntLiteral("-0x8000000000000001", 64)).toThrow(RangeError);
    expect(parseIntLiteral("255", 8)).toBe(0xffn);
    expect(() => parseIntLiteral("256", 8)).toThrow(RangeError);
    expect(() => parseIntLiteral("-129", 8)).toThrow(RangeError);
  });

  it("refuses misplaced underscores and other malformed text", () => {
    for (const text of [
      "",
      "-",
      "0x",
      "1__0",
      "_1",
      "1_",
      "0x_1",
      "0_x1",
      "+-1",
      "1.0",
      "1e3",
      "0X1",
    ]) {
      expect(() => parseIntLiteral(text, 32), text).toThrow(SyntaxError);
    }
  });
});

describe("parseNatLiteral", () => {
  it("reads unsigned 32-bit numbers only", () => {
    expect(parseNatLiteral("0")).toBe(0);
    expect(parseNatLiteral("0xffff_ffff")).toBe(0xffffffff);
    expect(() => parseNatLiteral("4294967296")).toThrow(RangeError);
    expect(() => parseNatLiteral("-1")).toThrow(SyntaxError);
    expect(() => parseNatLiteral("+1")).toThrow(SyntaxError);
  });
});
