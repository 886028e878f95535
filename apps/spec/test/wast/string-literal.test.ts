import { describe, expect, it } from "vitest";
import { decodeStringLiteral } from "../../src/wast/string-literal.js";

const bytes = (raw: string): number[] => [...decodeStringLiteral(raw)];

describe("decodeStringLiteral", () => {
  it("gives the UTF-8 bytes of plain characters", () => {
    expect(bytes('""')).toEqual([]);
    expect(bytes('"aZ ~"')).toEqual([0x61, 0x5a, 0x20, 0x7e]);
    expect(bytes('"é😀"')).toEqual([0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80]);
  });

  it("reads the named escapes", () => {
    expect(bytes('"\\t\\n\\r\\"\\\'\\\\"')).toEqual([0x09, 0x0a, 0x0d, 0x22, 0x27, 0x5c]);
  });

  it("reads \\hh as one byte, UTF-8 or not", () => {
    expect(bytes('"\\00\\61\\fF\\80"')).toEqual([0x00, 0x61, 0xff, 0x80]);
    expect(bytes('"\\0a1"')).toEqual([0x0a, 0x31]);
  });

  it("reads \\u{...} as the UTF-8 encoding of a scalar value, underscores allowed", () => {
    expect(bytes('"\\u{41}\\u{0}"')).toEqual([0x41, 0x00]);
    expect(bytes('"\\u{f61a}"')).toEqual([0xef, 0x98, 0x9a]);
    expect(bytes('"\\u{1_F600}"')).toEqual([0xf0, 0x9f, 0x98, 0x80]);
    expect(bytes('"\\u{000000000041}"')).toEqual([0x41]);
    expect(bytes('"\\u{10FFFF}"')).toEqual([0xf4, 0x8f, 0xbf, 0xbf]);
  });

  it("refuses surrogates and values past U+10FFFF in \\u{...}", () => {
    expect(() => bytes('"\\u{d800}"')).toThrow("not a Unicode scalar value");
    expect(() => bytes('"\\u{dfff}"')).toThrow("not a Unicode scalar value");
    expect(() => bytes('"\\u{110000}"')).toThrow("not a Unicode scalar value");
  });

  it("refuses malformed escapes and control characters", () => {
    expect(() => bytes('"\\x41"')).toThrow("unknown escape \\x");
    expect(() => bytes('"\\4"')).toThrow("unknown escape \\4");
    expect(() => bytes('"\\u41"')).toThrow("malformed \\u{...} escape");
    expect(() => bytes('"\\u{}"')).toThrow("malformed \\u{...} escape");
    expect(() => bytes('"\\u{_41}"')).toThrow("malformed \\u{...} escape");
    expect(() => bytes('"a\tb"')).toThrow("illegal control character");
    expect(() => bytes('"a\u007fb"')).toThrow("illegal control character");
    expect(() => bytes('"a"b"')).toThrow("unescaped quote");
    expect(() => bytes("abc")).toThrow("not a string literal");
  });
});
