import { TypeMismatchError } from "./errors/type-mismatch-error.js";
import { ValueRangeError } from "./errors/value-range-error.js";
import type { FuncHandle } from "./func-handle.js";
import { checkRefValue } from "./ref-value-check.js";
import { typeName } from "./type-name.js";
import { V128 } from "./v128.js";
import { type RefType, refParts, type ValType } from "./val-type.js";

const f32 = new Float32Array(1);
const u32OfF32 = new Uint32Array(f32.buffer);
const f64 = new Float64Array(1);
const u32OfF64 = new Uint32Array(f64.buffer);
const u64OfF64 = new BigUint64Array(f64.buffer);

/** What the constructor takes to tell the static constructors from any other caller. */
const KEY: unique symbol = Symbol("Val");

const I64_MIN = -(2n ** 63n);
const U64_END = 2n ** 64n;

/**
 * A WebAssembly value together with its type.
 *
 * Floats are held as their IEEE 754 bits, never as a JavaScript number alone, so that every NaN
 * payload survives: JavaScript engines change NaN bits when a NaN passes through a number.
 * Constructors check their input and never round or wrap silently; accessors check the type.
 * A `Val` is immutable: its value is held in private fields that nothing outside this class can
 * write, and only the static constructors make one (`new Val` throws). The one exception is a
 * result cell made by {@link Val.cell}, which calls overwrite in place through {@link Val.put}.
 *
 * The raw fields (`lo`, `hi`, `ref`) are the representation: `lo` is the i32 value (signed) or
 * the f32 bits (unsigned) or the low word of the f64 bits; `hi` is the high word of the f64
 * bits; `ref` is the i64 (a signed bigint), the {@link V128}, the externref value or the
 * funcref ({@link FuncHandle} or null). The properties of these names are read-only views;
 * calls test the brand with {@link Val.is} and read the value itself with {@link Val.typeOf},
 * {@link Val.loOf}, {@link Val.hiOf} and {@link Val.refOf}, so an object dressed up as a `Val`
 * or a property redefined on one changes nothing a call passes.
 *
 * @example
 * ```ts
 * Val.i32(-1).i32();                       // -1
 * Val.i32(0xffffffff).i32();               // -1 (the same bits)
 * Val.i64(2n ** 64n - 1n).i64();           // -1n
 * Val.f32Bits(0x7fa00000).f32Bits();       // 0x7fa00000, the signalling NaN kept
 * Val.i32(1.5);                            // throws ValueRangeError
 * ```
 */
export class Val {
  #type: ValType;
  #lo: number;
  #hi: number;
  #ref: unknown;
  readonly #cell: boolean;
  /**
   * A result cell's own 16 bytes (as 4 words), made on the first v128 written into it: calls
   * copy a v128 result here in place, and the `V128` is made only when read (then kept until
   * the next write), so a call allocates nothing and a `V128` once read never changes.
   */
  #words: Int32Array | null = null;

  /** Only the static constructors make values: `key` is private to this module. */
  private constructor(
    key: typeof KEY,
    type: ValType,
    lo: number,
    hi: number,
    ref: unknown,
    cell: boolean,
  ) {
    // The error is made elsewhere: a constructor this small is inlined where values are made.
    if (key !== KEY) throw notFromConstructors();
    this.#type = type;
    this.#lo = lo;
    this.#hi = hi;
    this.#ref = ref;
    this.#cell = cell;
  }

  /** The value's type. */
  get type(): ValType {
    return this.#type;
  }

  /** Raw: i32 value, f32 bits, or the low 32 bits of the f64 bits (0 for other types). */
  get lo(): number {
    return this.#lo;
  }

  /** Raw: the high 32 bits of the f64 bits (0 for other types). */
  get hi(): number {
    return this.#hi;
  }

  /** Raw: the i64 (signed bigint), V128, externref or funcref value (null for other types). */
  get ref(): unknown {
    return Val.refOf(this);
  }

  /**
   * Whether this is a result cell (made by {@link Val.cell}): calls write their results into
   * a cell in place instead of replacing it with a new `Val`.
   */
  get isCell(): boolean {
    return this.#cell;
  }

  /**
   * Tells whether `value` is a `Val` made by this copy of the package: the brand test calls
   * make before they read a value. An object made with `Object.create(Val.prototype)`, a
   * `Proxy`, or a `Val` of another copy of `@wasmcall/core-types` (its ES module and CommonJS
   * builds loaded together) is not one.
   */
  static is(value: unknown): value is Val {
    // A private field read is the brand test engines compile best: on anything but a `Val`
    // it throws, and `#cell in value` costs about twice as much on V8.
    try {
      return (value as Val).#cell !== undefined;
    } catch {
      return false;
    }
  }

  /** Tells whether `value` is a result cell (a `Val` made by {@link Val.cell}). */
  static isResultCell(value: unknown): boolean {
    // A throw costs microseconds (a stack trace): undefined, what a results array holds
    // before its first call (`new Array(n)`), is told apart first. A wider test (any
    // non-object) costs every call more, measured on V8.
    if (value === undefined) return false;
    try {
      // Compared, not returned: a field read is of no known type to the engine, and a test of
      // its truth costs several checks where `=== true` costs one.
      return (value as Val).#cell === true;
    } catch {
      return false;
    }
  }

  /**
   * The type `value` was made with when it is a `Val` (see {@link Val.is}), else undefined:
   * the brand test and the type in one read, what calls test their arguments with. Unlike the
   * `type` property, it cannot be shadowed (`Object.defineProperty` on the object changes what
   * the property shows, never the value).
   */
  static typeOf(value: unknown): ValType | undefined {
    try {
      return (value as Val).#type;
    } catch {
      return undefined;
    }
  }

  /** The raw `lo` of `val` as it was made (see {@link Val.typeOf}); `val` must pass {@link Val.is}. */
  static loOf(val: Val): number {
    return val.#lo;
  }

  /** The raw `hi` of `val` as it was made (see {@link Val.typeOf}); `val` must pass {@link Val.is}. */
  static hiOf(val: Val): number {
    return val.#hi;
  }

  /** The raw `ref` of `val` as it was made (see {@link Val.typeOf}); `val` must pass {@link Val.is}. */
  static refOf(val: Val): unknown {
    const ref = val.#ref;
    // A cell's v128 is held as words until it is first read (see `putV128`).
    if (ref === null && val.#type === "v128") return val.#vector();
    return ref;
  }

  /**
   * A result cell: a `Val` that calls overwrite in place. Every `Val` is immutable except a
   * cell, whose value is the last result written into it. Put cells in a results array that
   * is reused across calls, and a call allocates nothing for its number results.
   *
   * @example
   * ```ts
   * const results = [Val.cell()];
   * for (const x of inputs) {
   *   caller.call([Val.i32(x)], results); // writes into results[0], no new Val
   *   total += results[0].i32();
   * }
   * ```
   */
  static cell(): Val {
    return new Val(KEY, "i32", 0, 0, null, true);
  }

  /**
   * Writes a value, given by its raw representation (unchecked, as {@link Val.raw}), to
   * `target[index]`: into the cell there if it is one, else as a new `Val`. This is how
   * calls deliver results.
   */
  static put(
    target: Val[],
    index: number,
    type: ValType,
    lo: number,
    hi: number,
    ref: unknown,
  ): void {
    const cell = target[index] as Val;
    let isCell = false;
    if (cell !== undefined) {
      // Not tried on undefined (see `isResultCell`).
      try {
        isCell = cell.#cell === true;
      } catch {
        // Not a Val: replaced below.
      }
    }
    if (isCell) {
      cell.#type = type;
      cell.#lo = lo;
      cell.#hi = hi;
      cell.#ref = ref;
    } else {
      target[index] = new Val(KEY, type, lo, hi, ref, false);
    }
  }

  /**
   * Writes a value, given by its raw representation (unchecked, as {@link Val.raw}), into
   * `cell`, which the caller has found to be a result cell ({@link Val.isResultCell}): what a
   * call whose results array still holds the cell it tested before the call writes with,
   * skipping {@link Val.put}'s second test.
   */
  static setCell(cell: Val, type: ValType, lo: number, hi: number, ref: unknown): void {
    cell.#type = type;
    cell.#lo = lo;
    cell.#hi = hi;
    cell.#ref = ref;
  }

  /**
   * Writes the v128 held in the 4 words `words[offset..offset+3]` (little endian) to
   * `target[index]`: copied into the cell there if it is one (no allocation: the `V128` is
   * made when the value is read), else as a new `Val`. This is how calls deliver v128 results.
   */
  static putV128(target: Val[], index: number, words: Int32Array, offset: number): void {
    const cell = target[index] as Val;
    let isCell = false;
    if (cell !== undefined) {
      try {
        isCell = cell.#cell === true;
      } catch {
        // Not a Val: replaced below.
      }
    }
    if (isCell) {
      const own = cell.#words ?? new Int32Array(4);
      cell.#words = own;
      own[0] = words[offset] as number;
      own[1] = words[offset + 1] as number;
      own[2] = words[offset + 2] as number;
      own[3] = words[offset + 3] as number;
      cell.#type = "v128";
      cell.#lo = 0;
      cell.#hi = 0;
      cell.#ref = null;
    } else {
      const bytes = new Uint8Array(words.buffer, words.byteOffset + offset * 4, 16);
      target[index] = new Val(KEY, "v128", 0, 0, V128.fromBytes(bytes), false);
    }
  }

  /**
   * A value from its raw representation, unchecked: for runtimes and strategies that read
   * values the engine produced (a wasm result is always of its declared type). The caller
   * guarantees the fields are right for `type` (see the raw fields above).
   */
  static raw(type: ValType, lo: number, hi: number, ref: unknown): Val {
    return new Val(KEY, type, lo, hi, ref, false);
  }

  /**
   * An i32. Accepts integers in -2^31..2^32-1; values from 2^31 up are read as their
   * two's-complement bits (0xffffffff is -1).
   *
   * @throws {ValueRangeError} for a non-integer, NaN or a value outside that range.
   */
  static i32(value: number): Val {
    if (typeof value !== "number" || !Number.isInteger(value)) {
      throw new ValueRangeError("i32", value, "not an integer");
    }
    if (value < -0x80000000 || value > 0xffffffff) {
      throw new ValueRangeError("i32", value, "outside -2^31..2^32-1");
    }
    return new Val(KEY, "i32", value | 0, 0, null, false);
  }

  /**
   * An i64. Accepts bigints in -2^63..2^64-1; values from 2^63 up are read as their
   * two's-complement bits.
   *
   * @throws {ValueRangeError} for a non-bigint or a value outside that range.
   */
  static i64(value: bigint): Val {
    if (typeof value !== "bigint") throw new ValueRangeError("i64", value, "not a bigint");
    if (value < I64_MIN || value >= U64_END) {
      throw new ValueRangeError("i64", value, "outside -2^63..2^64-1");
    }
    return new Val(KEY, "i64", 0, 0, BigInt.asIntN(64, value), false);
  }

  /**
   * An f32 from a number. The number must be exactly representable as f32 (or NaN, which
   * becomes the canonical quiet NaN 0x7fc00000): nothing is rounded silently. Use
   * `Val.f32(Math.fround(x))` to round on purpose, and {@link Val.f32Bits} for exact NaNs.
   *
   * @throws {ValueRangeError} for a non-number or a number that f32 cannot hold exactly.
   */
  static f32(value: number): Val {
    if (typeof value !== "number") throw new ValueRangeError("f32", value, "not a number");
    if (value !== value) return new Val(KEY, "f32", 0x7fc00000, 0, null, false);
    if (Math.fround(value) !== value) {
      throw new ValueRangeError("f32", value, "not exactly representable as f32");
    }
    f32[0] = value;
    return new Val(KEY, "f32", u32OfF32[0] as number, 0, null, false);
  }

  /**
   * An f32 given as its IEEE 754 bits, an integer in 0..2^32-1 (negative i32 bit patterns are
   * accepted too). Every NaN payload is kept.
   *
   * @throws {ValueRangeError} for a value that is not a 32-bit pattern.
   */
  static f32Bits(bits: number): Val {
    if (typeof bits !== "number" || !Number.isInteger(bits)) {
      throw new ValueRangeError("f32 bits", bits, "not an integer");
    }
    if (bits < -0x80000000 || bits > 0xffffffff) {
      throw new ValueRangeError("f32 bits", bits, "outside -2^31..2^32-1");
    }
    return new Val(KEY, "f32", bits >>> 0, 0, null, false);
  }

  /**
   * An f64 from a number. A NaN becomes the canonical quiet NaN 0x7ff8000000000000; use
   * {@link Val.f64Bits} for exact NaN payloads.
   *
   * @throws {ValueRangeError} for a non-number.
   */
  static f64(value: number): Val {
    if (typeof value !== "number") throw new ValueRangeError("f64", value, "not a number");
    if (value !== value) return new Val(KEY, "f64", 0, 0x7ff80000, null, false);
    f64[0] = value;
    return new Val(KEY, "f64", u32OfF64[0] as number, u32OfF64[1] as number, null, false);
  }

  /**
   * An f64 given as its IEEE 754 bits, a bigint in -2^63..2^64-1. Every NaN payload is kept.
   *
   * @throws {ValueRangeError} for a value that is not a 64-bit pattern.
   */
  static f64Bits(bits: bigint): Val {
    if (typeof bits !== "bigint") throw new ValueRangeError("f64 bits", bits, "not a bigint");
    if (bits < I64_MIN || bits >= U64_END) {
      throw new ValueRangeError("f64 bits", bits, "outside -2^63..2^64-1");
    }
    u64OfF64[0] = BigInt.asUintN(64, bits);
    return new Val(KEY, "f64", u32OfF64[0] as number, u32OfF64[1] as number, null, false);
  }

  /**
   * An f64 given as the two 32-bit words of its IEEE 754 bits (`lo` the low word), each an
   * integer in -2^31..2^32-1. This is how the runtime reads f64 values without allocating.
   *
   * @throws {ValueRangeError} for a word that is not a 32-bit pattern.
   */
  static f64Words(lo: number, hi: number): Val {
    if (!isWord(lo) || !isWord(hi)) {
      throw new ValueRangeError("f64 words", `${lo}, ${hi}`, "not two 32-bit words");
    }
    return new Val(KEY, "f64", lo >>> 0, hi >>> 0, null, false);
  }

  /**
   * A v128: a {@link V128}, or exactly 16 bytes (copied).
   *
   * @throws {ValueRangeError} for anything else.
   */
  static v128(value: V128 | ArrayLike<number>): Val {
    // The brand test throws (microseconds) on anything but a V128: bytes skip it.
    if (value instanceof V128 && V128.is(value)) return new Val(KEY, "v128", 0, 0, value, false);
    if (value === null || typeof value !== "object" || typeof value.length !== "number") {
      throw new ValueRangeError("v128", value, "not a V128 or 16 bytes");
    }
    return new Val(KEY, "v128", 0, 0, V128.fromBytes(value), false);
  }

  /** An externref: any JavaScript value, `null` being the null reference. */
  static externref(value: unknown): Val {
    return new Val(KEY, "externref", 0, 0, value, false);
  }

  /**
   * A funcref: a function of some store, or `null`.
   *
   * @throws {TypeMismatchError} when `func` is neither a function handle nor null.
   */
  static funcref(func: FuncHandle | null): Val {
    if (func !== null && (typeof func !== "object" || typeof func.ty !== "function")) {
      throw new TypeMismatchError("Val.funcref", "a Func or null", typeName(func));
    }
    return new Val(KEY, "funcref", 0, 0, func, false);
  }

  /**
   * A value of reference type `type`, any reference type of WebAssembly 3.0 (see `RefType`):
   * `null` where the type is nullable, else `value` checked to be of the type as far as it can
   * be told before a call: a `Func` of the signature for a function reference, anything for
   * `externref` and `anyref` (a whole number of 31 bits passes to wasm as an i31, anything
   * else as a host reference), and for `eqref`, `i31ref`, `structref`, `arrayref` and defined
   * struct and array types what the engine's `ref.test` accepts: the GC objects wasm gave (and
   * whole numbers of 31 bits for `eq` and `i31`).
   *
   * @example
   * ```ts
   * Val.ref("i31ref", 7).ref;                  // 7
   * Val.ref("(ref any)", null);                // throws TypeMismatchError: null is no (ref any)
   * Val.ref("structref", results[0].ref);      // a GC object a call returned as an anyref
   * ```
   * @throws {TypeMismatchError} when `type` is not a reference type or `value` not of it.
   * @throws {ValueRangeError} for an i31 outside -2^30..2^30-1.
   * @throws {UnsupportedFeatureError} for an exception reference, or a GC type on an engine
   * without garbage collection.
   */
  static ref(type: RefType, value: unknown): Val {
    checkRefValue(`Val.ref ${typeof type === "string" ? type : "?"}`, type, value);
    return new Val(KEY, type, 0, 0, value, false);
  }

  /** An anyref: any JavaScript value (see {@link Val.ref}), `null` being the null reference. */
  static anyref(value: unknown): Val {
    return new Val(KEY, "anyref", 0, 0, value, false);
  }

  /**
   * An i31ref holding the whole number `value` (-2^30..2^30-1), or null.
   *
   * @throws {ValueRangeError} for a number out of that range or not whole.
   */
  static i31ref(value: number | null): Val {
    return Val.ref("i31ref", value);
  }

  /**
   * The zero value of `type`: 0 for numbers, the zero vector, null for a nullable reference
   * type (a non-nullable one has none).
   */
  static default(type: ValType): Val {
    switch (type) {
      case "i64":
        return new Val(KEY, type, 0, 0, 0n, false);
      case "v128":
        return new Val(KEY, type, 0, 0, V128.zero(), false);
      case "i32":
      case "f32":
      case "f64":
        return new Val(KEY, type, 0, 0, null, false);
      default:
        if (refParts(type as string)?.nullable === true)
          return new Val(KEY, type, 0, 0, null, false);
        throw new TypeMismatchError(
          "Val.default",
          "a value type with a default (a number, v128 or a nullable reference type)",
          typeof type === "string" ? type : typeName(type),
        );
    }
  }

  /** The i32, signed. @throws {TypeMismatchError} when this is not an i32. */
  i32(): number {
    this.#expect("i32");
    return this.#lo;
  }

  /** The i32's bits read as unsigned (0..2^32-1). @throws {TypeMismatchError} if not i32. */
  u32(): number {
    this.#expect("i32");
    return this.#lo >>> 0;
  }

  /** The i64, signed. @throws {TypeMismatchError} when this is not an i64. */
  i64(): bigint {
    this.#expect("i64");
    return this.#ref as bigint;
  }

  /** The i64's bits read as unsigned. @throws {TypeMismatchError} when this is not an i64. */
  u64(): bigint {
    this.#expect("i64");
    return BigInt.asUintN(64, this.#ref as bigint);
  }

  /**
   * The f32 as a number. A NaN's payload may not survive as a JavaScript number: read
   * {@link Val.f32Bits} for exact bits. @throws {TypeMismatchError} when this is not an f32.
   */
  f32(): number {
    this.#expect("f32");
    u32OfF32[0] = this.#lo;
    return f32[0] as number;
  }

  /** The f32's IEEE 754 bits (u32). @throws {TypeMismatchError} when this is not an f32. */
  f32Bits(): number {
    this.#expect("f32");
    return this.#lo;
  }

  /**
   * The f64 as a number. A NaN's payload may not survive as a JavaScript number: read
   * {@link Val.f64Bits} for exact bits. @throws {TypeMismatchError} when this is not an f64.
   */
  f64(): number {
    this.#expect("f64");
    u32OfF64[0] = this.#lo;
    u32OfF64[1] = this.#hi;
    return f64[0] as number;
  }

  /** The f64's IEEE 754 bits (u64). @throws {TypeMismatchError} when this is not an f64. */
  f64Bits(): bigint {
    this.#expect("f64");
    return (BigInt(this.#hi) << 32n) | BigInt(this.#lo);
  }

  /** The vector. @throws {TypeMismatchError} when this is not a v128. */
  v128(): V128 {
    this.#expect("v128");
    return Val.refOf(this) as V128;
  }

  /** The externref value (null for the null reference). @throws {TypeMismatchError} if not. */
  externref(): unknown {
    this.#expect("externref");
    return this.#ref;
  }

  /** The function, or null. @throws {TypeMismatchError} when this is not a funcref. */
  funcref(): FuncHandle | null {
    this.#expect("funcref");
    return this.#ref as FuncHandle | null;
  }

  /**
   * Tells whether `other` has the same type and the same bits (references: the same object,
   * compared with `Object.is`).
   */
  equals(other: Val): boolean {
    if (!Val.is(other) || this.#type !== other.#type) return false;
    if (this.#type === "v128") {
      return (Val.refOf(this) as V128).equals(Val.refOf(other) as V128);
    }
    return this.#lo === other.#lo && this.#hi === other.#hi && Object.is(this.#ref, other.#ref);
  }

  /** The value as text: `i32:-1`, `i64:5`, `f32:0x7fa00000`, `f64:0x3ff0000000000000`, ... */
  toString(): string {
    const ref = Val.refOf(this);
    switch (this.#type) {
      case "i32":
        return `i32:${this.#lo}`;
      case "i64":
        return `i64:${ref}`;
      case "f32":
        return `f32:0x${hex(this.#lo)}`;
      case "f64":
        return `f64:0x${hex(this.#hi)}${hex(this.#lo)}`;
      case "v128":
        return `v128:${ref}`;
      case "externref":
        return ref === null ? "externref:null" : `externref:${typeName(ref)}`;
      case "funcref":
        return ref === null ? "funcref:null" : `funcref:${(ref as FuncHandle).ty()}`;
      default:
        if (ref === null || typeof ref === "number") return `${this.#type}:${ref}`;
        return `${this.#type}:${typeName(ref)}`;
    }
  }

  /** The `V128` of a cell's v128 written as words, made on its first read and kept. */
  #vector(): V128 {
    const words = this.#words as Int32Array;
    const vector = V128.fromBytes(new Uint8Array(words.buffer, words.byteOffset, 16));
    this.#ref = vector;
    return vector;
  }

  #expect(type: ValType): void {
    if (this.#type !== type) throw new TypeMismatchError("Val accessor", type, this.#type);
  }
}

function isWord(x: number): boolean {
  return Number.isInteger(x) && x >= -0x80000000 && x <= 0xffffffff;
}

function hex(word: number): string {
  return (word >>> 0).toString(16).padStart(8, "0");
}

/** The error of `new Val` called from outside the static constructors. */
function notFromConstructors(): TypeMismatchError {
  return new TypeMismatchError("new Val", "a call of a Val constructor (Val.i32, ...)", "new");
}
