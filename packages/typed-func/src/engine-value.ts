import {
  StoreMismatchError,
  TypeMismatchError,
  typeName,
  V128,
  type ValType,
  ValueRangeError,
} from "@wasmcall/core-types";
import { Func, type Store } from "@wasmcall/runtime";

/**
 * Small integer codes of the value types: hot paths compare these (held in closures made
 * once) rather than type names.
 */
export const KIND = Object.freeze({
  i32: 0,
  i64: 1,
  f32: 2,
  f64: 3,
  externref: 4,
  funcref: 5,
  v128: 6,
} as const);

/** The value types typed calls convert to and from JavaScript values (see {@link KIND}). */
export type TypedValType = keyof typeof KIND;

/** The code of a value type (see {@link KIND}). */
export type Kind = (typeof KIND)[TypedValType];

/**
 * The code of value type `type` (see {@link KIND}).
 *
 * @throws {TypeMismatchError} for a reference type of WebAssembly 3.0 other than funcref and
 * externref, which typed calls do not take yet (`subject` names what needed it).
 */
export function kindOf(type: ValType, subject: string): Kind {
  const kind = (KIND as Readonly<Record<string, Kind>>)[type];
  if (kind === undefined) {
    throw new TypeMismatchError(
      subject,
      "a value type of WebAssembly 2.0 (typed calls take no other yet)",
      type,
    );
  }
  return kind;
}

/**
 * Where values are checked, for error messages and funcref ownership: the store, the function
 * as error messages name it (`add (i32, i32) -> i32`), and whether the values are its
 * arguments or (for a host function) its results.
 */
export interface Site {
  /** The store funcref values must belong to. */
  readonly store: Store;
  /** The function, as error messages name it. */
  readonly subject: string;
  /** Which values of the function these are. */
  readonly what: "argument" | "result";
}

/**
 * Checks `value`, given as value `index` of `site` for a WebAssembly value of kind `kind`,
 * and returns what the engine's JavaScript API (or a slot) takes for it: the value itself, or
 * for a funcref the function's wasm function object.
 *
 * What is accepted: i32 an integer number in -2^31..2^32-1 (from 2^31 up read as its
 * two's-complement bits); i64 a bigint in -2^63..2^64-1; f32 a number that f32 holds exactly,
 * or NaN; f64 any number; v128 a {@link V128}; externref anything; funcref a `Func` of the
 * site's store or null. Nothing is rounded, wrapped or converted from another type.
 *
 * Built for the hot path: one small plain function, so the engine inlines it into every call
 * closure whatever the types (a closure per type would make call sites polymorphic), with the
 * accepted number kinds tested first and everything else (funcref, v128, refusals) out of line.
 *
 * @throws {ValueRangeError} for a refused number, bigint or vector.
 * @throws {TypeMismatchError} for a funcref that is neither a `Func` nor null.
 * @throws {StoreMismatchError} for a `Func` of another store.
 *
 * @example
 * ```ts
 * const site = { store, subject: String(add), what: "argument" } as const;
 * toEngine(KIND.i32, -1, site, 0);  // -1
 * toEngine(KIND.i32, 1.5, site, 0); // throws ValueRangeError
 * ```
 */
export function toEngine(kind: Kind, value: unknown, site: Site, index: number): unknown {
  switch (kind) {
    case KIND.i32:
      if (isI32(value)) return value;
      break;
    case KIND.f64:
      if (typeof value === "number") return value;
      break;
    case KIND.i64:
      if (
        typeof value === "bigint" &&
        (BigInt.asIntN(64, value) === value || BigInt.asUintN(64, value) === value)
      ) {
        return value;
      }
      break;
    case KIND.f32:
      if (typeof value === "number" && (Math.fround(value) === value || value !== value)) {
        return value;
      }
      break;
    case KIND.externref:
      return value;
  }
  return toEngineCold(kind, value, site, index);
}

/**
 * How a value of `type` that the engine handed to JavaScript becomes a typed value, or null
 * when it already is (every type but funcref, whose wasm function object becomes the store's
 * `Func`).
 *
 * @example
 * ```ts
 * const toFunc = fromEngineValue("funcref", store);
 * toFunc?.(wasmFunctionObject); // the store's Func of it
 * ```
 */
export function fromEngineValue(type: ValType, store: Store): ((value: unknown) => unknown) | null {
  if (type !== "funcref") return null;
  return (value) => (value === null ? null : store.funcOf(value));
}

/**
 * Tells whether `value` is what an i32 takes: a number that is an integer in -2^31..2^32-1
 * (an int32 or a uint32). Two integer conversions and a `typeof`, which the engine folds away
 * for a small integer.
 *
 * @example
 * ```ts
 * isI32(-1); // true
 * isI32(2 ** 32 - 1); // true
 * isI32(1.5); // false
 * ```
 */
export function isI32(value: unknown): value is number {
  return typeof value === "number" && ((value | 0) === value || value >>> 0 === value);
}

/**
 * The error for `value` refused as value `index` of `site`, an i32.
 *
 * @example
 * ```ts
 * if (!isI32(a)) throw refusedI32(a, site, 0);
 * ```
 */
export function refusedI32(value: unknown, site: Site, index: number): ValueRangeError {
  return refused("i32", value, "not an integer in -2^31..2^32-1", site, index);
}

/** The rest of {@link toEngine}: funcref and v128 values, and every refusal. */
function toEngineCold(kind: Kind, value: unknown, site: Site, index: number): unknown {
  if (kind === KIND.funcref) return funcArgument(value, site, index);
  if (kind === KIND.v128 && V128.is(value)) return value;
  throw refusal(kind, value, site, index);
}

/**
 * The error for `value` refused as value `index` of `site`, of kind `kind` (any kind but
 * funcref, whose refusals {@link funcArgument} throws): what {@link toEngine} throws.
 *
 * @example
 * ```ts
 * if (typeof a !== "bigint") throw refusal(KIND.i64, a, site, 0);
 * ```
 */
export function refusal(kind: Kind, value: unknown, site: Site, index: number): ValueRangeError {
  switch (kind) {
    case KIND.v128:
      return refused("v128", value, "not a V128", site, index);
    case KIND.i32:
      return refusedI32(value, site, index);
    case KIND.i64:
      return refused("i64", value, "not a bigint in -2^63..2^64-1", site, index);
    case KIND.f32:
      return refused("f32", value, "not a number f32 holds exactly", site, index);
    default:
      return refused("f64", value, "not a number", site, index);
  }
}

/**
 * What the engine takes for `value`, a funcref argument `index` of `site`: null, or the wasm
 * function object of a `Func` of the site's store.
 *
 * @throws {TypeMismatchError} for a value that is neither a `Func` nor null.
 * @throws {StoreMismatchError} for a `Func` of another store.
 *
 * @example
 * ```ts
 * funcArgument(add, site, 0); // add.js
 * ```
 */
export function funcArgument(value: unknown, site: Site, index: number): unknown {
  if (value === null) return null;
  if (!Func.is(value)) {
    throw new TypeMismatchError(where(site, index), "funcref (a Func or null)", typeName(value));
  }
  if (value.store !== site.store) {
    throw new StoreMismatchError(`${where(site, index)}: the funcref belongs to another store`);
  }
  return value.js;
}

function where(site: Site, index: number): string {
  return `${site.subject}: ${site.what} ${index}`;
}

function refused(
  type: ValType,
  value: unknown,
  reason: string,
  site: Site,
  index: number,
): ValueRangeError {
  return new ValueRangeError(type, value, `${reason} (${where(site, index)})`);
}
