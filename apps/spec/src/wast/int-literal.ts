/** The widths of the integer literals of the text format (scalars and v128 lanes). */
export type IntWidth = 8 | 16 | 32 | 64;

const INT = /^([+-]?)(?:0x([0-9a-fA-F](?:_?[0-9a-fA-F])*)|([0-9](?:_?[0-9])*))$/;
const NAT = /^(?:0x([0-9a-fA-F](?:_?[0-9a-fA-F])*)|([0-9](?:_?[0-9])*))$/;

/**
 * The two's-complement bits (as an unsigned bigint) of the integer literal `text` of width
 * `bits`, as the text format defines `iN`: decimal or `0x` hex digits, `_` between digits; no
 * sign means unsigned (0 to 2^N-1), `+` or `-` signed (-2^(N-1) to 2^(N-1)-1).
 *
 * @throws {SyntaxError} for text that is not an integer literal.
 * @throws {RangeError} for a value out of range for the width.
 */
export function parseIntLiteral(text: string, bits: IntWidth): bigint {
  const match = INT.exec(text);
  if (match === null) throw new SyntaxError(`malformed integer literal ${text}`);
  const [, sign, hex, dec] = match;
  const magnitude = hex !== undefined ? BigInt(`0x${unscore(hex)}`) : BigInt(unscore(dec ?? ""));
  const width = BigInt(bits);
  const limit = sign === "" ? 1n << width : 1n << (width - 1n);
  if (sign === "-" ? magnitude > limit : magnitude >= limit) {
    throw new RangeError(`constant out of range: ${text} for i${bits}`);
  }
  return BigInt.asUintN(bits, sign === "-" ? -magnitude : magnitude);
}

/**
 * The unsigned integer `text` (`u32` of the text format: decimal or `0x` hex digits, `_`
 * between digits, no sign), at most 2^32-1.
 *
 * @throws {SyntaxError} for text that is not an unsigned integer literal.
 * @throws {RangeError} for a value of 2^32 or more.
 */
export function parseNatLiteral(text: string): number {
  const match = NAT.exec(text);
  if (match === null) throw new SyntaxError(`malformed natural number ${text}`);
  const [, hex, dec] = match;
  const value = hex !== undefined ? BigInt(`0x${unscore(hex)}`) : BigInt(unscore(dec ?? ""));
  if (value > 0xffffffffn) throw new RangeError(`constant out of range: ${text}`);
  return Number(value);
}

function unscore(digits: string): string {
  return digits.replaceAll("_", "");
}
