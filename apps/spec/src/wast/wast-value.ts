/**
 * The values of a `.wast` script: arguments (`WastValue`, exact) and the result patterns of
 * `assert_return` (`WastResult`: exact values, NaN patterns, reference kinds, alternatives).
 * Numbers are kept as raw bits: unsigned, `number` up to 32 bits, `bigint` for 64.
 */

/** The lane shapes of a v128 constant: `(v128.const i32x4 1 2 3 4)`. */
export type V128Shape = "i8x16" | "i16x8" | "i32x4" | "i64x2" | "f32x4" | "f64x2";

/** The two NaN patterns an expected float may name: `nan:canonical`, `nan:arithmetic`. */
export type NanKind = "canonical" | "arithmetic";

/**
 * The heap kinds of a non-null reference pattern: `(ref.func)`, `(ref.extern)`,
 * `(ref.struct)`, `(ref.array)`, `(ref.i31)`, `(ref.eq)`, `(ref.any)`, `(ref.exn)`.
 */
export type RefKind = "func" | "extern" | "struct" | "array" | "i31" | "eq" | "any" | "exn";

/** `(i32.const N)`: the two's-complement bits, unsigned (0 to 2^32-1). */
export interface WastI32 {
  readonly type: "i32";
  readonly bits: number;
}

/** `(i64.const N)`: the two's-complement bits, unsigned (0 to 2^64-1). */
export interface WastI64 {
  readonly type: "i64";
  readonly bits: bigint;
}

/** `(f32.const X)`: the IEEE 754 bits, as an unsigned 32-bit integer. */
export interface WastF32 {
  readonly type: "f32";
  readonly bits: number;
}

/** `(f64.const X)`: the IEEE 754 bits, as an unsigned 64-bit bigint. */
export interface WastF64 {
  readonly type: "f64";
  readonly bits: bigint;
}

/**
 * `(v128.const SHAPE lane ...)`: the lanes in order (lane 0 first, the lowest addressed
 * bytes), each as its unsigned bits (float lanes as IEEE 754 bits).
 */
export interface WastV128 {
  readonly type: "v128";
  readonly shape: V128Shape;
  readonly lanes: readonly bigint[];
}

/** `(ref.null HEAPTYPE)`: the null reference of the heap type as written (`func`, `$t`, ...). */
export interface WastRefNull {
  readonly type: "ref.null";
  readonly heap: string;
}

/** `(ref.extern N)`: the host reference numbered N, as an externref. */
export interface WastRefExtern {
  readonly type: "ref.extern";
  readonly id: number;
}

/** `(ref.host N)`: the host reference numbered N, as an anyref (3.0). */
export interface WastRefHost {
  readonly type: "ref.host";
  readonly id: number;
}

/** A number of any scalar type. */
export type WastNumber = WastI32 | WastI64 | WastF32 | WastF64;

/** A value a script passes as an argument (and an exact expected result). */
export type WastValue = WastNumber | WastV128 | WastRefNull | WastRefExtern | WastRefHost;

/** `(f32.const nan:canonical)` and the like: any NaN of the kind. */
export interface WastNanResult {
  readonly type: "f32" | "f64";
  readonly nan: NanKind;
}

/** A v128 result: each lane exact bits or, in float shapes, a NaN pattern. */
export interface WastV128Result {
  readonly type: "v128";
  readonly shape: V128Shape;
  readonly lanes: readonly (bigint | NanKind)[];
}

/** `(ref.null HEAPTYPE)` as a result: a null reference; `(ref.null)`: any null. */
export interface WastRefNullResult {
  readonly type: "ref.null";
  readonly heap?: string;
}

/** `(ref.func)`, `(ref.struct)`, `(ref.extern)`, ...: any non-null reference of the kind. */
export interface WastRefKindResult {
  readonly type: "ref.nonnull";
  readonly kind: RefKind;
}

/** `(ref.func $f)` / `(ref.func 3)`: a reference to the function named (as written). */
export interface WastRefFuncResult {
  readonly type: "ref.func";
  readonly func: string;
}

/** `(either R1 R2 ...)`: any one of the alternatives. */
export interface WastEitherResult {
  readonly type: "either";
  readonly options: readonly WastResult[];
}

/** What `assert_return` may expect of one result. */
export type WastResult =
  | WastNumber
  | WastNanResult
  | WastV128Result
  | WastRefNullResult
  | WastRefExtern
  | WastRefHost
  | WastRefKindResult
  | WastRefFuncResult
  | WastEitherResult;

/** The lane count and lane width in bits of each v128 shape. */
export const V128_SHAPES: Readonly<
  Record<V128Shape, { readonly count: number; readonly bits: 8 | 16 | 32 | 64 }>
> = {
  i8x16: { count: 16, bits: 8 },
  i16x8: { count: 8, bits: 16 },
  i32x4: { count: 4, bits: 32 },
  i64x2: { count: 2, bits: 64 },
  f32x4: { count: 4, bits: 32 },
  f64x2: { count: 2, bits: 64 },
};

/** The 16 bytes (little endian) of the v128 whose lanes of `shape` hold `lanes` (bits). */
export function v128Bytes(shape: V128Shape, lanes: readonly bigint[]): Uint8Array {
  const { bits } = V128_SHAPES[shape];
  const bytes = new Uint8Array(16);
  lanes.forEach((lane, i) => {
    for (let b = 0; b < bits / 8; b++) {
      bytes[(i * bits) / 8 + b] = Number((lane >> BigInt(8 * b)) & 0xffn);
    }
  });
  return bytes;
}
