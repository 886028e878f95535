import { utf8Bytes } from "./utf8-text.js";

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  t: 0x09,
  n: 0x0a,
  r: 0x0d,
  '"': 0x22,
  "'": 0x27,
  "\\": 0x5c,
};

/**
 * The bytes a string literal of the text format stands for. `raw` is the literal as written,
 * quotes included: `"a\n\41\u{1F600}"`. Characters stand for their UTF-8 encoding; escapes are
 * `\t` `\n` `\r` `\"` `\'` `\\`, `\hh` (one byte, two hex digits: the bytes need not be UTF-8)
 * and `\u{h...}` (a Unicode scalar value, UTF-8 encoded; underscores between digits allowed).
 *
 * @throws {Error} for an unknown or malformed escape, a control character or a missing quote.
 */
export function decodeStringLiteral(raw: string): Uint8Array {
  if (raw.length < 2 || raw[0] !== '"' || raw[raw.length - 1] !== '"') {
    throw new Error(`not a string literal: ${raw}`);
  }
  const out: number[] = [];
  let plainFrom = 1;
  const flushPlain = (to: number): void => {
    if (to > plainFrom) for (const byte of utf8Bytes(raw.slice(plainFrom, to))) out.push(byte);
  };
  let i = 1;
  const end = raw.length - 1;
  while (i < end) {
    const c = raw.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) throw new Error("illegal control character in string");
    if (c === 0x22) throw new Error("unescaped quote in string");
    if (c !== 0x5c) {
      i++;
      continue;
    }
    flushPlain(i);
    const e = raw[i + 1];
    if (e === undefined || i + 1 >= end) throw new Error("unterminated escape in string");
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out.push(simple);
      i += 2;
    } else if (e === "u") {
      const close = raw.indexOf("}", i);
      const digits = raw.slice(i + 3, close);
      if (raw[i + 2] !== "{" || close < 0 || !/^[0-9a-fA-F](?:_?[0-9a-fA-F])*$/.test(digits)) {
        throw new Error("malformed \\u{...} escape in string");
      }
      const code = BigInt(`0x${digits.replaceAll("_", "")}`);
      if (code >= 0x110000n || (code >= 0xd800n && code < 0xe000n)) {
        throw new Error(`\\u{${digits}} is not a Unicode scalar value`);
      }
      for (const byte of utf8Bytes(String.fromCodePoint(Number(code)))) out.push(byte);
      i = close + 1;
    } else if (isHexDigit(e) && isHexDigit(raw[i + 2])) {
      out.push(Number.parseInt(raw.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      throw new Error(`unknown escape \\${e} in string`);
    }
    plainFrom = i;
  }
  flushPlain(end);
  return Uint8Array.from(out);
}

function isHexDigit(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}
