import { TypeMismatchError } from "./errors/type-mismatch-error.js";
import { ValueRangeError } from "./errors/value-range-error.js";

/** What the constructor takes to tell the static constructors from any other caller. */
const KEY: unique symbol = Symbol("V128");

/**
 * A 128-bit SIMD vector: 16 bytes, little endian, readable through every lane shape.
 *
 * A `V128` is immutable: the constructors copy their input and the lane views return fresh
 * arrays.
 *
 * @example
 * ```ts
 * const v = V128.fromI32x4([1, 2, 3, -1]);
 * v.i32x4();          // Int32Array [1, 2, 3, -1]
 * v.u8x16()[12];      // 255
 * V128.fromF32x4Bits([0x7fa00000, 0, 0, 0]).f32x4Bits()[0] === 0x7fa00000; // true
 * ```
 */
export class V128 {
  readonly #bytes: Uint8Array;
  /** The bytes as 4 words, made on the first {@link V128.copyWordsTo} and kept. */
  #words: Int32Array | null = null;

  /** Only the static constructors make vectors: `key` is private to this module. */
  private constructor(key: typeof KEY, bytes: Uint8Array) {
    // The error is made elsewhere: a constructor this small is inlined where vectors are made.
    if (key !== KEY) throw notFromConstructors();
    this.#bytes = bytes;
  }

  /**
   * Tells whether `value` is a `V128` made by this copy of the package (an object made with
   * `Object.create(V128.prototype)` or a `Proxy` is not).
   */
  static is(value: unknown): value is V128 {
    // A private field read is the brand test engines compile best (see `Val.is`).
    try {
      return (value as V128).#bytes !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * The vector with these 16 bytes (copied).
   *
   * @throws {ValueRangeError} when `bytes` does not hold exactly 16 bytes.
   */
  static fromBytes(bytes: ArrayLike<number>): V128 {
    if (bytes.length !== 16) {
      throw new ValueRangeError("v128", bytes, `needs 16 bytes, got ${bytes.length}`);
    }
    const copy = new Uint8Array(16);
    for (let i = 0; i < 16; i++) copy[i] = checkedLane(bytes[i] as number, -128, 255, "i8");
    return new V128(KEY, copy);
  }

  /** The all-zero vector. */
  static zero(): V128 {
    return new V128(KEY, new Uint8Array(16));
  }

  /** The vector of 16 i8 lanes (each -128..255). @throws {ValueRangeError} on a bad lane. */
  static fromI8x16(lanes: ArrayLike<number>): V128 {
    return V128.fromBytes(lanes);
  }

  /** The vector of 8 i16 lanes (each -32768..65535). @throws {ValueRangeError} on a bad lane. */
  static fromI16x8(lanes: ArrayLike<number>): V128 {
    const out = new Uint16Array(8);
    fill(out, lanes, (x) => checkedLane(x, -0x8000, 0xffff, "i16"));
    return new V128(KEY, new Uint8Array(out.buffer));
  }

  /** The vector of 4 i32 lanes (each -2^31..2^32-1). @throws {ValueRangeError} on a bad lane. */
  static fromI32x4(lanes: ArrayLike<number>): V128 {
    const out = new Uint32Array(4);
    fill(out, lanes, (x) => checkedLane(x, -0x80000000, 0xffffffff, "i32"));
    return new V128(KEY, new Uint8Array(out.buffer));
  }

  /** The vector of 2 i64 lanes (each -2^63..2^64-1). @throws {ValueRangeError} on a bad lane. */
  static fromI64x2(lanes: ArrayLike<bigint>): V128 {
    const out = new BigUint64Array(2);
    if (lanes.length !== 2) throw new ValueRangeError("i64x2", lanes, "needs 2 lanes");
    for (let i = 0; i < 2; i++) {
      const x = lanes[i] as bigint;
      if (typeof x !== "bigint" || x < -(2n ** 63n) || x >= 2n ** 64n) {
        throw new ValueRangeError("i64 lane", x, "not an integer in -2^63..2^64-1");
      }
      out[i] = BigInt.asUintN(64, x);
    }
    return new V128(KEY, new Uint8Array(out.buffer));
  }

  /** The vector of 4 f32 lanes given as their IEEE 754 bits (u32), NaN payloads kept. */
  static fromF32x4Bits(bits: ArrayLike<number>): V128 {
    return V128.fromI32x4(bits);
  }

  /** The vector of 2 f64 lanes given as their IEEE 754 bits (u64), NaN payloads kept. */
  static fromF64x2Bits(bits: ArrayLike<bigint>): V128 {
    return V128.fromI64x2(bits);
  }

  /**
   * The vector of 4 f32 lanes, each a number exactly representable as f32.
   *
   * @throws {ValueRangeError} when a lane would be rounded.
   */
  static fromF32x4(lanes: ArrayLike<number>): V128 {
    const out = new Float32Array(4);
    fill(out, lanes, (x) => {
      if (typeof x !== "number" || (Math.fround(x) !== x && x === x)) {
        throw new ValueRangeError("f32 lane", x, "not exactly representable as f32");
      }
      return x;
    });
    return new V128(KEY, new Uint8Array(out.buffer));
  }

  /** The vector of 2 f64 lanes. */
  static fromF64x2(lanes: ArrayLike<number>): V128 {
    const out = new Float64Array(2);
    fill(out, lanes, (x) => {
      if (typeof x !== "number") throw new ValueRangeError("f64 lane", x, "not a number");
      return x;
    });
    return new V128(KEY, new Uint8Array(out.buffer));
  }

  /** A copy of the 16 bytes. */
  bytes(): Uint8Array {
    return this.#bytes.slice();
  }

  /** The 16 lanes as unsigned bytes. */
  u8x16(): Uint8Array {
    return this.#bytes.slice();
  }

  /** The 16 lanes as signed bytes. */
  i8x16(): Int8Array {
    return new Int8Array(this.#bytes.slice().buffer);
  }

  /** The 8 lanes as signed 16-bit integers. */
  i16x8(): Int16Array {
    return new Int16Array(this.#bytes.slice().buffer);
  }

  /** The 4 lanes as signed 32-bit integers. */
  i32x4(): Int32Array {
    return new Int32Array(this.#bytes.slice().buffer);
  }

  /** The 2 lanes as signed 64-bit integers. */
  i64x2(): BigInt64Array {
    return new BigInt64Array(this.#bytes.slice().buffer);
  }

  /** The 4 f32 lanes as their IEEE 754 bits (u32), NaN payloads exact. */
  f32x4Bits(): Uint32Array {
    return new Uint32Array(this.#bytes.slice().buffer);
  }

  /** The 2 f64 lanes as their IEEE 754 bits (u64), NaN payloads exact. */
  f64x2Bits(): BigUint64Array {
    return new BigUint64Array(this.#bytes.slice().buffer);
  }

  /** Writes the 16 bytes into `target` at `offset`. */
  copyTo(target: Uint8Array, offset: number): void {
    target.set(this.#bytes, offset);
  }

  /**
   * Writes the vector as 4 little-endian words into `target[index..index + 3]`: the copy calls
   * make into a store's scratch memory, four moves where {@link V128.copyTo} calls the engine's
   * general copy.
   *
   * @example
   * ```ts
   * const words = new Int32Array(4);
   * V128.fromI32x4([1, 2, 3, 4]).copyWordsTo(words, 0); // words: [1, 2, 3, 4]
   * ```
   */
  copyWordsTo(target: Int32Array, index: number): void {
    let words = this.#words;
    if (words === null) {
      const bytes = this.#bytes;
      words = new Int32Array(bytes.buffer, bytes.byteOffset, 4);
      this.#words = words;
    }
    target[index] = words[0] as number;
    target[index + 1] = words[1] as number;
    target[index + 2] = words[2] as number;
    target[index + 3] = words[3] as number;
  }

  /** Tells whether `other` holds the same 16 bytes. */
  equals(other: V128): boolean {
    if (!V128.is(other)) return false;
    const a = this.#bytes;
    const b = other.#bytes;
    for (let i = 0; i < 16; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  /** The vector as 4 i32 lanes in hexadecimal: `i32x4 0x00000001 0x00000002 ...`. */
  toString(): string {
    const words = [...new Uint32Array(this.#bytes.slice().buffer)];
    return `i32x4 ${words.map((w) => `0x${w.toString(16).padStart(8, "0")}`).join(" ")}`;
  }
}

function checkedLane(x: number, min: number, max: number, lane: string): number {
  if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max) {
    throw new ValueRangeError(`${lane} lane`, x, `not an integer in ${min}..${max}`);
  }
  return x;
}

function fill<T extends { length: number; [i: number]: number }>(
  out: T,
  lanes: ArrayLike<number>,
  check: (x: number) => number,
): void {
  if (lanes.length !== out.length) {
    throw new ValueRangeError(`${out.length}-lane vector`, lanes, `needs ${out.length} lanes`);
  }
  for (let i = 0; i < out.length; i++) out[i] = check(lanes[i] as number);
}

/** The error of `new V128` called from outside the static constructors. */
function notFromConstructors(): TypeMismatchError {
  return new TypeMismatchError(
    "new V128",
    "a call of a V128 constructor (V128.fromBytes, ...)",
    "new",
  );
}
