import { FuncType, TypeMismatchError, typeName, type ValType } from "@wasmcall/core-types";
import { Func } from "@wasmcall/runtime";
import { directCall } from "./direct-call.js";
import { generatedCall } from "./generated-call.js";
import type { JsParams, JsResult } from "./js-type.js";
import { slotsCall } from "./slots-call.js";

/**
 * A function whose signature was checked once, when it was made by {@link typed}, and whose
 * calls are statically typed: `call` takes the parameters as JavaScript values
 * ({@link JsParams}) and returns the results as {@link JsResult}.
 *
 * `call` is a function made once for the function (from code generated per signature, or a
 * closure where code generation is off): it may be taken off the object
 * (`const add = typed(...).call`) and called alone.
 *
 * @example
 * ```ts
 * const add = typed(func, ["i32", "i32"], ["i32"]);
 * add.call(1, 2); // 3, typed number
 * ```
 */
export interface TypedFunc<P extends readonly ValType[], R extends readonly ValType[]> {
  /** The function called. */
  readonly func: Func;
  /** Its signature (the engine's interned `FuncType`). */
  readonly type: FuncType;
  /**
   * Calls the function.
   *
   * Each argument is checked, never converted: i32 must be an integer in -2^31..2^32-1, i64 a
   * bigint in -2^63..2^64-1, f32 a number f32 holds exactly (or NaN), f64 a number, v128 a
   * `V128`, funcref a `Func` of the function's store or null; externref takes anything
   * (`undefined` too). The arguments are counted first: one too few or too many is an
   * `ArityMismatchError`.
   *
   * f32 and f64 pass as JavaScript numbers, so a NaN's payload bits may change on the way (use
   * a dynamic call with `Val.f32Bits` for exact NaNs); every other value passes exactly.
   *
   * @throws {ValueRangeError} for an argument its type does not hold exactly.
   * @throws {TypeMismatchError} for a funcref argument that is neither a `Func` nor null.
   * @throws {StoreMismatchError} for a funcref argument of another store.
   * @throws {ArityMismatchError} for a wrong number of arguments (every call counts them).
   * @throws {Trap} when the call traps or exhausts the stack. Whatever a host function throws
   * passes unchanged. The function stays usable after either.
   */
  readonly call: (...args: JsParams<P>) => JsResult<R>;
}

/**
 * Checks once that `func` has the signature `(params) -> (results)` and returns the
 * {@link TypedFunc} that calls it with plain JavaScript values, statically typed from the two
 * tuples. The types may be written `as const` or inline (they are inferred as tuples).
 *
 * Signatures without v128 are called directly through the engine's export, with code
 * generated for the signature (`new Function`, from the type alone, compiled once per
 * signature): the fastest call. Where `new Function` is refused, or the function's engine was
 * made with `codegen: false`, closures specialised by arity do the same, exact and checked the
 * same. Signatures with v128 go through the store's slots and a generated wasm trampoline.
 *
 * @throws {TypeMismatchError} when `func` is not a `Func`, or its signature differs: the
 * message reads `<func>: typed: expected (func (param i32 i32) (result i32)), found (func ...)`.
 *
 * @example
 * ```ts
 * const add = typed(instance.func("add"), ["i32", "i32"], ["i32"]);
 * const sum: number = add.call(40, 2); // 42
 * add.call(1.5, 2); // throws ValueRangeError: nothing is rounded
 * ```
 */
export function typed<const P extends readonly ValType[], const R extends readonly ValType[]>(
  func: Func,
  params: P,
  results: R,
): TypedFunc<P, R> {
  if (!Func.is(func)) throw new TypeMismatchError("typed", "a Func", typeName(func));
  const type = func.ty();
  const wanted = new FuncType(params, results);
  if (!wanted.equals(type)) {
    throw new TypeMismatchError(`${func}: typed`, wanted.toWat(), type.toWat());
  }
  const call = hasV128(type) ? slotsCall(func) : (generatedCall(func) ?? directCall(func));
  return { func, type, call: call as TypedFunc<P, R>["call"] };
}

function hasV128(type: FuncType): boolean {
  return type.params.includes("v128") || type.results.includes("v128");
}
