import type { V128, ValType } from "@wasmcall/core-types";
import type { Func } from "@wasmcall/runtime";

/**
 * The JavaScript type of a WebAssembly value of type `T` in a typed call: i32, f32 and f64 are
 * numbers, i64 a bigint, v128 a {@link V128}, externref any value, funcref a {@link Func} or
 * null. A union of value types gives the union of their JavaScript types.
 *
 * @example
 * ```ts
 * const x: JsValueOf<"i64"> = 5n;
 * const f: JsValueOf<"funcref"> = null;
 * ```
 */
export type JsValueOf<T extends ValType> = T extends "i32" | "f32" | "f64"
  ? number
  : T extends "i64"
    ? bigint
    : T extends "v128"
      ? V128
      : T extends "funcref"
        ? Func | null
        : T extends "externref"
          ? unknown
          : never;

/**
 * The JavaScript argument list of a typed call whose parameter types are the tuple `P`: one
 * {@link JsValueOf} per parameter, in order.
 *
 * @example
 * ```ts
 * const args: JsParams<readonly ["i32", "i64"]> = [1, 2n];
 * ```
 */
export type JsParams<P extends readonly ValType[]> = {
  -readonly [K in keyof P]: P[K] extends ValType ? JsValueOf<P[K]> : never;
};

/**
 * What a typed call whose result types are the tuple `R` returns: `void` for no result, the
 * {@link JsValueOf} of a single result, a tuple of them for several. When `R` is not a tuple
 * (a `ValType[]` whose length is not known), `unknown`.
 *
 * @example
 * ```ts
 * const none: JsResult<readonly []> = undefined;
 * const one: JsResult<readonly ["f64"]> = 0.5;
 * const pair: JsResult<readonly ["i32", "i64"]> = [1, 2n];
 * ```
 */
export type JsResult<R extends readonly ValType[]> = number extends R["length"]
  ? unknown
  : R extends readonly []
    ? // biome-ignore lint/suspicious/noConfusingVoidType: no result is what a function returning nothing gives
      void
    : R extends readonly [infer T extends ValType]
      ? JsValueOf<T>
      : JsParams<R>;
