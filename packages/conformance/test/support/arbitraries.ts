import { VAL_TYPES, Val, type ValType } from "@wasmcall/core-types";
import type { Func } from "@wasmcall/runtime";
import fc from "fast-check";

/** An echo signature: parameters of any types, and results that are some of the parameters. */
export interface EchoSignature {
  readonly params: readonly ValType[];
  /** Result `j` is parameter `picks[j]`. */
  readonly picks: readonly number[];
}

/** 0 to 16 parameters of all seven types; 0 to 4 results, each a parameter (none without one). */
export const echoSignature: fc.Arbitrary<EchoSignature> = fc
  .array(fc.constantFrom(...VAL_TYPES), { maxLength: 16 })
  .chain((params) =>
    fc.record({
      params: fc.constant(params),
      picks:
        params.length === 0
          ? fc.constant([])
          : fc.array(fc.nat(params.length - 1), { maxLength: 4 }),
    }),
  );

const U64_MAX = 2n ** 64n - 1n;

/** f32 bits: any pattern, NaNs with a payload and either sign one time in four. */
const f32Bits = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 0xffffffff }), weight: 3 },
  fc
    .tuple(fc.boolean(), fc.integer({ min: 1, max: 0x7fffff }))
    .map(([negative, payload]) => ((negative ? 0xff800000 : 0x7f800000) | payload) >>> 0),
);

/** f64 bits: any pattern, NaNs with a payload and either sign one time in four. */
const f64Bits = fc.oneof(
  { arbitrary: fc.bigInt({ min: 0n, max: U64_MAX }), weight: 3 },
  fc
    .tuple(fc.boolean(), fc.bigInt({ min: 1n, max: 2n ** 52n - 1n }))
    .map(([negative, payload]) => (negative ? 0xfff0000000000000n : 0x7ff0000000000000n) | payload),
);

/**
 * A value of `type`: any i32 (signed or unsigned form) or i64, any float bit pattern, any 16
 * bytes, any JavaScript value as an externref, one of `funcs` or null as a funcref.
 */
export function valOf(type: ValType, funcs: readonly Func[]): fc.Arbitrary<Val> {
  switch (type) {
    case "i32":
      return fc.integer({ min: -0x80000000, max: 0xffffffff }).map(Val.i32);
    case "i64":
      return fc.bigInt({ min: -(2n ** 63n), max: U64_MAX }).map(Val.i64);
    case "f32":
      return f32Bits.map(Val.f32Bits);
    case "f64":
      return f64Bits.map(Val.f64Bits);
    case "v128":
      return fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => Val.v128(bytes));
    case "externref":
      return fc.oneof(fc.constant(null), fc.anything()).map(Val.externref);
    case "funcref":
      return fc.constantFrom(null, ...funcs).map(Val.funcref);
    default:
      throw new Error(`no arbitrary value of ${type}`);
  }
}
