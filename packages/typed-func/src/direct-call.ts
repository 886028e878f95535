import { ArityMismatchError, type ValType } from "@wasmcall/core-types";
import { type Func, type Store, trapFromError } from "@wasmcall/runtime";
import {
  fromEngineValue,
  isI32,
  KIND,
  type Kind,
  kindOf,
  refusedI32,
  type Site,
  toEngine,
} from "./engine-value.js";

/** A wasm export called from JavaScript with the engine's own conversions. */
type Export = (...args: unknown[]) => unknown;

/** A typed call before TypeScript gives it its signature. */
export type AnyCall = (...args: unknown[]) => unknown;

/**
 * The typed call of `func` (whose signature has no v128) as a direct JavaScript call of its
 * export, where code is not generated (see `generatedCall`): a closure made once, specialised
 * by arity, that checks each argument with
 * {@link toEngine} (inlined by the engine: a few comparisons per argument), calls the export
 * in a `try` whose `catch` turns engine traps into `Trap`s, and returns the engine's result
 * (funcref results become the store's `Func`s).
 *
 * @throws {ValueRangeError} (from the call) for an argument its type does not hold exactly.
 * @throws {TypeMismatchError} (from the call) for a funcref argument that is not a `Func`.
 * @throws {StoreMismatchError} (from the call) for a funcref argument of another store.
 * @throws {ArityMismatchError} (from the call) for a wrong number of arguments.
 * @throws {Trap} (from the call) when the call traps. Host exceptions pass unchanged.
 *
 * @example
 * ```ts
 * const call = directCall(add);
 * call(1, 2); // 3
 * ```
 */
export function directCall(func: Func): AnyCall {
  const type = func.ty();
  const site: Site = { store: func.store, subject: String(func), what: "argument" };
  const kinds = type.params.map((t) => kindOf(t, String(func)));
  const call = callOfArity(func.js as Export, kinds, site);
  const out = resultsFromEngine(type.results, func.store);
  if (out === null) return call;
  return (...values) => out(Reflect.apply(call, undefined, values));
}

function callOfArity(js: Export, kinds: readonly Kind[], site: Site): AnyCall {
  if (kinds.length > 0 && kinds.length <= 4 && kinds.every((k) => k === KIND.i32)) {
    return i32CallOfArity(js, kinds.length, site);
  }
  const [k0, k1, k2, k3] = kinds as [Kind, Kind, Kind, Kind];
  switch (kinds.length) {
    case 0:
      return function () {
        if (arguments.length !== 0) throw arityMismatch(site, 0, arguments.length);
        try {
          return js();
        } catch (error) {
          throw trapFromError(error);
        }
      };
    case 1:
      return function (a: unknown) {
        if (arguments.length !== 1) throw arityMismatch(site, 1, arguments.length);
        const x0 = toEngine(k0, a, site, 0);
        try {
          return js(x0);
        } catch (error) {
          throw trapFromError(error);
        }
      };
    case 2:
      return function (a: unknown, b: unknown) {
        if (arguments.length !== 2) throw arityMismatch(site, 2, arguments.length);
        const x0 = toEngine(k0, a, site, 0);
        const x1 = toEngine(k1, b, site, 1);
        try {
          return js(x0, x1);
        } catch (error) {
          throw trapFromError(error);
        }
      };
    case 3:
      return function (a: unknown, b: unknown, c: unknown) {
        if (arguments.length !== 3) throw arityMismatch(site, 3, arguments.length);
        const x0 = toEngine(k0, a, site, 0);
        const x1 = toEngine(k1, b, site, 1);
        const x2 = toEngine(k2, c, site, 2);
        try {
          return js(x0, x1, x2);
        } catch (error) {
          throw trapFromError(error);
        }
      };
    case 4:
      return function (a: unknown, b: unknown, c: unknown, d: unknown) {
        if (arguments.length !== 4) throw arityMismatch(site, 4, arguments.length);
        const x0 = toEngine(k0, a, site, 0);
        const x1 = toEngine(k1, b, site, 1);
        const x2 = toEngine(k2, c, site, 2);
        const x3 = toEngine(k3, d, site, 3);
        try {
          return js(x0, x1, x2, x3);
        } catch (error) {
          throw trapFromError(error);
        }
      };
    default: {
      const n = kinds.length;
      return (...values) => {
        if (values.length !== n) {
          throw new ArityMismatchError(site.subject, "arguments", n, values.length);
        }
        for (let i = 0; i < n; i++) values[i] = toEngine(kinds[i] as Kind, values[i], site, i);
        try {
          return Reflect.apply(js, undefined, values);
        } catch (error) {
          throw trapFromError(error);
        }
      };
    }
  }
}

/**
 * The calls of 1 to 4 i32 parameters, the commonest signatures: their own closures, so that
 * the export's call site in them is shared with fewer functions (a call site that sees many
 * exports stops inlining the engine's JS-to-wasm wrapper), and the check inlined.
 */
function i32CallOfArity(js: Export, arity: number, site: Site): AnyCall {
  switch (arity) {
    case 1:
      return function (a: unknown) {
        if (arguments.length !== 1) throw arityMismatch(site, 1, arguments.length);
        if (!isI32(a)) throw refusedI32(a, site, 0);
        try {
          return js(a);
        } catch (error) {
          throw trapFromError(error);
        }
      };
    case 2:
      return function (a: unknown, b: unknown) {
        if (arguments.length !== 2) throw arityMismatch(site, 2, arguments.length);
        if (!isI32(a)) throw refusedI32(a, site, 0);
        if (!isI32(b)) throw refusedI32(b, site, 1);
        try {
          return js(a, b);
        } catch (error) {
          throw trapFromError(error);
        }
      };
    case 3:
      return function (a: unknown, b: unknown, c: unknown) {
        if (arguments.length !== 3) throw arityMismatch(site, 3, arguments.length);
        if (!isI32(a)) throw refusedI32(a, site, 0);
        if (!isI32(b)) throw refusedI32(b, site, 1);
        if (!isI32(c)) throw refusedI32(c, site, 2);
        try {
          return js(a, b, c);
        } catch (error) {
          throw trapFromError(error);
        }
      };
    default:
      return function (a: unknown, b: unknown, c: unknown, d: unknown) {
        if (arguments.length !== 4) throw arityMismatch(site, 4, arguments.length);
        if (!isI32(a)) throw refusedI32(a, site, 0);
        if (!isI32(b)) throw refusedI32(b, site, 1);
        if (!isI32(c)) throw refusedI32(c, site, 2);
        if (!isI32(d)) throw refusedI32(d, site, 3);
        try {
          return js(a, b, c, d);
        } catch (error) {
          throw trapFromError(error);
        }
      };
  }
}

/**
 * How the engine's result becomes the typed call's, or null when it already is: only funcref
 * results change (into `Func`s), in place within the engine's fresh array of several results.
 */
function resultsFromEngine(
  types: readonly ValType[],
  store: Store,
): ((value: unknown) => unknown) | null {
  if (types.length === 1) return fromEngineValue(types[0] as ValType, store);
  const toFunc = fromEngineValue("funcref", store);
  const funcrefs = types.flatMap((t, i) => (t === "funcref" ? [i] : []));
  if (toFunc === null || funcrefs.length === 0) return null;
  return (value) => {
    const values = value as unknown[];
    for (const i of funcrefs) values[i] = toFunc(values[i]);
    return values;
  };
}

/**
 * The error for a typed call of `expected` parameters made with `actual` arguments. The calls
 * of up to four parameters are plain functions that read `arguments.length`, which the engine
 * compiles to a register read: counting costs nothing measurable.
 */
function arityMismatch(site: Site, expected: number, actual: number): ArityMismatchError {
  return new ArityMismatchError(site.subject, "arguments", expected, actual);
}
