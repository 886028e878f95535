/** An IEEE 754 binary format: the explicit significand bits and the exponent bits. */
interface FloatFormat {
  readonly name: "f32" | "f64";
  readonly mantissaBits: number;
  readonly exponentBits: number;
}

const F32: FloatFormat = { name: "f32", mantissaBits: 23, exponentBits: 8 };
const F64: FloatFormat = { name: "f64", mantissaBits: 52, exponentBits: 11 };

const DEC = "[0-9](?:_?[0-9])*";
const HEX = "[0-9a-fA-F](?:_?[0-9a-fA-F])*";
const DECIMAL_FLOAT = new RegExp(`^(${DEC})(?:\\.(${DEC})?)?(?:[eE]([+-]?)(${DEC}))?$`);
const HEX_FLOAT = new RegExp(`^0x(${HEX})(?:\\.(${HEX})?)?(?:[pP]([+-]?)(${DEC}))?$`);
const NAN_PAYLOAD = new RegExp(`^nan:0x(${HEX})$`);

/**
 * The bits of the f32 literal `text`, as an unsigned 32-bit integer. See {@link parseF64}
 * for the forms; the value is rounded from its exact value straight to f32 (never through
 * f64), to nearest, ties to even.
 *
 * @throws {SyntaxError} for text that is not a float literal.
 * @throws {RangeError} for a value that rounds to infinity, or a NaN payload out of range.
 */
export function parseF32(text: string): number {
  return Number(parseFloatBits(text, F32));
}

/**
 * The bits of the f64 literal `text`, as an unsigned 64-bit bigint. The forms are the text
 * format's: an optional sign, then decimal (`1`, `1.`, `1.5`, `1e10`, `1.5E-3`) or hex
 * (`0x1`, `0x1.8p+3`, `0x.`-less mantissas with an optional binary `p` exponent), `_` between
 * digits, `inf`, `nan` (the canonical NaN) or `nan:0x` and a payload (1 to 2^52-1). Finite
 * values are rounded exactly to nearest, ties to even; one that rounds to infinity is out of
 * range.
 *
 * @throws {SyntaxError} for text that is not a float literal.
 * @throws {RangeError} for a value that rounds to infinity, or a NaN payload out of range.
 */
export function parseF64(text: string): bigint {
  return parseFloatBits(text, F64);
}

function parseFloatBits(text: string, format: FloatFormat): bigint {
  const negative = text.startsWith("-");
  const body = negative || text.startsWith("+") ? text.slice(1) : text;
  const signBit = negative ? 1n << BigInt(format.mantissaBits + format.exponentBits) : 0n;
  return signBit | magnitudeBits(body, text, format);
}

function magnitudeBits(body: string, text: string, format: FloatFormat): bigint {
  const mantissaBits = BigInt(format.mantissaBits);
  const infinity = ((1n << BigInt(format.exponentBits)) - 1n) << mantissaBits;
  if (body === "inf") return infinity;
  if (body === "nan") return infinity | (1n << (mantissaBits - 1n));
  const nan = NAN_PAYLOAD.exec(body);
  if (nan !== null) {
    const payload = BigInt(`0x${unscore(nan[1] ?? "")}`);
    if (payload === 0n || payload >= 1n << mantissaBits) {
      throw new RangeError(`NaN payload out of range: ${text} for ${format.name}`);
    }
    return infinity | payload;
  }
  const hex = HEX_FLOAT.exec(body);
  if (hex !== null) {
    const [, whole = "", fraction = "", expSign, exp] = hex;
    const digits = unscore(whole) + unscore(fraction);
    const mantissa = BigInt(`0x${digits}`);
    const exponent = signedExponent(expSign, exp) - 4 * unscore(fraction).length;
    return roundBinary(mantissa, exponent, text, format);
  }
  const dec = DECIMAL_FLOAT.exec(body);
  if (dec !== null) {
    const [, whole = "", fraction = "", expSign, exp] = dec;
    const digits = unscore(whole) + unscore(fraction);
    const mantissa = BigInt(digits);
    const exponent = signedExponent(expSign, exp) - unscore(fraction).length;
    return roundDecimal(mantissa, exponent, text, format);
  }
  throw new SyntaxError(`malformed ${format.name} literal ${text}`);
}

/** The value of an optional exponent; huge ones saturate (they only need to compare). */
function signedExponent(sign: string | undefined, digits: string | undefined): number {
  if (digits === undefined) return 0;
  const magnitude = Number(unscore(digits));
  return sign === "-" ? -magnitude : magnitude;
}

/** The bits of `mantissa * 2^exponent`. */
function roundBinary(mantissa: bigint, exponent: number, text: string, format: FloatFormat) {
  if (mantissa === 0n) return 0n;
  const magnitude = bitLength(mantissa) + exponent;
  if (magnitude > 4096) throw outOfRange(text, format);
  if (magnitude < -4096) return 0n;
  return exponent >= 0
    ? roundRational(mantissa << BigInt(exponent), 1n, text, format)
    : roundRational(mantissa, 1n << BigInt(-exponent), text, format);
}

/** The bits of `mantissa * 10^exponent`. */
function roundDecimal(mantissa: bigint, exponent: number, text: string, format: FloatFormat) {
  if (mantissa === 0n) return 0n;
  // 10^(digits + exponent - 1) <= value < 10^(digits + exponent): f64 spans 1e-324 to 1e309.
  const magnitude = mantissa.toString().length + exponent;
  if (magnitude > 400) throw outOfRange(text, format);
  if (magnitude < -400) return 0n;
  return exponent >= 0
    ? roundRational(mantissa * 10n ** BigInt(exponent), 1n, text, format)
    : roundRational(mantissa, 10n ** BigInt(-exponent), text, format);
}

/**
 * The bits of the positive rational `num / den` rounded to `format`, to nearest, ties to
 * even, subnormals included, computed exactly with integers.
 */
function roundRational(num: bigint, den: bigint, text: string, format: FloatFormat): bigint {
  const mantissaBits = format.mantissaBits;
  const bias = 2 ** (format.exponentBits - 1) - 1;
  const minExponent = 1 - bias;
  // The exponent e with 2^e <= num/den < 2^(e+1).
  let e = bitLength(num) - bitLength(den);
  if (e >= 0 ? num < den << BigInt(e) : num << BigInt(-e) < den) e--;
  if (e < minExponent) e = minExponent;
  // q = num/den * 2^(mantissaBits - e), rounded: mantissaBits + 1 significant bits (fewer
  // for a subnormal).
  const shift = mantissaBits - e;
  const n = shift >= 0 ? num << BigInt(shift) : num;
  const d = shift >= 0 ? den : den << BigInt(-shift);
  let q = n / d;
  const twiceRemainder = (n - q * d) * 2n;
  if (twiceRemainder > d || (twiceRemainder === d && (q & 1n) === 1n)) q++;
  const hidden = 1n << BigInt(mantissaBits);
  if (q >= hidden << 1n) {
    q >>= 1n;
    e++;
  }
  if (e > bias) throw outOfRange(text, format);
  if (q < hidden) return q; // subnormal (or zero): biased exponent 0
  return (BigInt(e + bias) << BigInt(mantissaBits)) | (q - hidden);
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

function unscore(digits: string): string {
  return digits.replaceAll("_", "");
}

function outOfRange(text: string, format: FloatFormat): RangeError {
  return new RangeError(`constant out of range: ${text} for ${format.name}`);
}
