import {
  ArityMismatchError,
  type FuncType,
  isValType,
  TypeMismatchError,
  typeName,
  type ValType,
} from "@wasmcall/core-types";
import { checkSignatureLimits, Func, hostFuncName, type Store } from "@wasmcall/runtime";
import { fromEngineValue, type Kind, kindOf, type Site, toEngine } from "./engine-value.js";
import type { JsParams, JsResult } from "./js-type.js";
import { type SlotWriter, slotReader, slotWriter } from "./slot-value.js";

/** A host function's body before TypeScript gives it its signature. */
type Body = (...args: unknown[]) => unknown;

/** Checks a host function's return value and turns it into what the engine takes. */
type Check = (value: unknown) => unknown;

/**
 * A host function of `store` with the signature `(params) -> (results)` whose body is `fn`, a
 * plain JavaScript function typed like a `TypedFunc`'s call: wasm calls it with
 * {@link JsParams} (a funcref as the store's `Func` or null) and it returns {@link JsResult}
 * (nothing, one value, or a tuple for several results).
 *
 * What `fn` returns is checked as a typed call's arguments are, so nothing is converted
 * silently: a refused value throws to the wasm code's caller. `fn`'s own exceptions pass
 * unchanged. Signatures without v128 use the engine's own conversions (`Func.wrap`: the
 * fastest host call, NaN payloads may change); signatures with v128 pass every value through
 * the store's slots (`Func.hostRaw`).
 *
 * Error messages name the function `name`, by default after `fn`'s JavaScript name
 * (`hostFuncName`).
 *
 * @throws {TypeMismatchError} when a type in `params` or `results` is not a value type, or
 * there are more than 1000 parameters or results (the engines' limit).
 * The function made throws, to the wasm code's caller, {@link ValueRangeError} for a result
 * its type does not hold exactly (an i32 result of 1.5), {@link ArityMismatchError} for a
 * tuple of the wrong length, {@link TypeMismatchError} for several results that are not an
 * array or a funcref result that is not a `Func`, {@link StoreMismatchError} for a funcref
 * result of another store.
 *
 * @example
 * ```ts
 * const divRem = typedHost(store, ["i32", "i32"], ["i32", "i32"], (a, b) => [
 *   (a / b) | 0,
 *   a % b,
 * ]);
 * const log = typedHost(store, ["f64"], [], (x) => console.log(x), "log");
 * ```
 */
export function typedHost<const P extends readonly ValType[], const R extends readonly ValType[]>(
  store: Store,
  params: P,
  results: R,
  fn: NoInfer<(...args: JsParams<P>) => JsResult<R>>,
  name?: string,
): Func {
  const body = fn as Body;
  const label = hostFuncName(body, name);
  checkTypes(params, `${label}: typedHost: parameter`);
  checkTypes(results, `${label}: typedHost: result`);
  const type = store.engine.funcType(params, results);
  checkSignatureLimits(type, `${label}: typedHost`);
  const subject = `${label} ${type}`;
  if (type.params.includes("v128") || type.results.includes("v128")) {
    return Func.hostRaw(store, type, viaSlots(store, type, body, subject), label);
  }
  return Func.wrap(store, type, checked(store, type, body, subject), label);
}

function checkTypes(types: readonly unknown[], where: string): void {
  types.forEach((t, i) => {
    if (!isValType(t)) throw new TypeMismatchError(`${where} ${i}`, "a value type", String(t));
  });
}

/**
 * `fn` as the engine should call it: parameters turned into typed values (funcrefs into
 * `Func`s) and results checked and turned into what the engine takes. `fn` itself when there
 * is nothing to do; else a closure specialised by arity.
 */
function checked(store: Store, type: FuncType, fn: Body, subject: string): Body {
  const params = type.params.map((t) => fromEngineValue(t, store));
  const out = resultsToEngine(type.results, store, subject);
  if (params.some((p) => p !== null)) {
    return (...values) => {
      params.forEach((p, i) => {
        if (p !== null) values[i] = p(values[i]);
      });
      const value = Reflect.apply(fn, undefined, values);
      return out === null ? value : out(value);
    };
  }
  if (out === null) return fn;
  switch (type.params.length) {
    case 0:
      return () => out(fn());
    case 1:
      return (a) => out(fn(a));
    case 2:
      return (a, b) => out(fn(a, b));
    case 3:
      return (a, b, c) => out(fn(a, b, c));
    case 4:
      return (a, b, c, d) => out(fn(a, b, c, d));
    default:
      return (...values) => out(Reflect.apply(fn, undefined, values));
  }
}

/**
 * The check of `fn`'s return value for results of `types`, turning it into what the engine
 * takes, or null when there is nothing to check (no result, or one externref).
 */
function resultsToEngine(types: readonly ValType[], store: Store, subject: string): Check | null {
  const site: Site = { store, subject, what: "result" };
  const kinds = types.map((t) => kindOf(t, subject));
  const n = kinds.length;
  if (n === 0 || (n === 1 && types[0] === "externref")) return null;
  if (n === 1) {
    const kind = kinds[0] as Kind;
    return (value) => toEngine(kind, value, site, 0);
  }
  return (value) =>
    tupleOf(value, n, subject).map((v, i) => toEngine(kinds[i] as Kind, v, site, i));
}

/**
 * The body `Func.hostRaw` calls for a signature with v128: reads the parameters from the
 * store's slots, calls `fn`, checks its results and writes them into the slots.
 */
function viaSlots(store: Store, type: FuncType, fn: Body, subject: string): () => void {
  const readers = type.params.map((t, i) => slotReader(t, store, i));
  const site: Site = { store, subject, what: "result" };
  const writers = type.results.map((t, i) => slotWriter(t, site, i));
  const n = writers.length;
  return () => {
    const value = Reflect.apply(
      fn,
      undefined,
      readers.map((read) => read()),
    );
    if (n === 1) (writers[0] as SlotWriter)(value);
    else if (n > 1) {
      tupleOf(value, n, subject).forEach((v, i) => {
        (writers[i] as SlotWriter)(v);
      });
    }
  };
}

/**
 * `value` as the tuple of `n` results a host function returns.
 *
 * @throws {TypeMismatchError} when it is not an array.
 * @throws {ArityMismatchError} when its length is not `n`.
 */
function tupleOf(value: unknown, n: number, subject: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new TypeMismatchError(`${subject}: results`, `an array of ${n} values`, typeName(value));
  }
  if (value.length !== n) throw new ArityMismatchError(subject, "results", n, value.length);
  return value;
}
