import { type Caller, Val, type ValType } from "@wasmcall/core-types";
import { checkCall, type Func, isNaNVal, type Store } from "@wasmcall/runtime";
import type { AnyCall } from "./direct-call.js";
import { typed } from "./typed-func.js";

/** Calls a typed call with the JavaScript values of `params`, specialised by arity. */
type Apply = (call: AnyCall, params: readonly Val[]) => unknown;

/** Writes a typed call's result (void, one value or an array) into `results` as `Val`s. */
type WriteResults = (value: unknown, results: Val[]) => void;

/**
 * The {@link Caller} of `func` (a function of `store`) built on its `TypedFunc`: each call
 * checks `params` and the room for results with the runtime's `checkCall`, turns the `Val`s
 * into JavaScript values, makes the typed call, and turns its results back into `Val`s.
 *
 * A JavaScript number cannot carry every NaN payload, so where bits could be lost the call
 * takes the runtime's exact path instead (the store's slots and the raw call): always for a
 * signature with v128 or an f32/f64 result (no `TypedFunc` is made for those), and for a call
 * with an f32/f64 NaN argument.
 *
 * @example
 * ```ts
 * const caller = typedCaller(store, add);
 * const out = [Val.i32(0)];
 * caller.call([Val.i32(1), Val.i32(2)], out); // out[0].i32() === 3
 * ```
 */
export function typedCaller(store: Store, func: Func): Caller {
  const type = func.ty();
  const plan = func.plan();
  const exactOnly =
    type.params.includes("v128") ||
    type.results.some((t) => t === "v128" || t === "f32" || t === "f64");
  if (exactOnly) {
    return {
      type,
      call(params, results) {
        checkCall(store, func, type, params, results.length);
        plan.invokeViaSlots(store, func, params, results);
      },
    };
  }
  const call = typed(func, type.params, type.results).call as AnyCall;
  const apply = applyOfArity(type.params.length);
  const write = resultWriter(type.results);
  const floatParams = type.params.some((t) => t === "f32" || t === "f64");
  return {
    type,
    call(params, results) {
      checkCall(store, func, type, params, results.length);
      if (floatParams && params.some(isNaNVal)) plan.invokeViaSlots(store, func, params, results);
      else write(apply(call, params), results);
    },
  };
}

/** The JavaScript value a typed call takes for `val` (exact: NaNs never come here). */
function jsOf(val: Val): unknown {
  switch (val.type) {
    case "i32":
      return val.lo;
    case "f32":
      return val.f32();
    case "f64":
      return val.f64();
    default:
      return val.ref;
  }
}

function applyOfArity(arity: number): Apply {
  switch (arity) {
    case 0:
      return (call) => call();
    case 1:
      return (call, p) => call(jsOf(p[0] as Val));
    case 2:
      return (call, p) => call(jsOf(p[0] as Val), jsOf(p[1] as Val));
    case 3:
      return (call, p) => call(jsOf(p[0] as Val), jsOf(p[1] as Val), jsOf(p[2] as Val));
    case 4:
      return (call, p) =>
        call(jsOf(p[0] as Val), jsOf(p[1] as Val), jsOf(p[2] as Val), jsOf(p[3] as Val));
    default:
      return (call, p) => Reflect.apply(call, undefined, p.map(jsOf));
  }
}

/**
 * Writes a typed call's result of `type` (i32, i64, externref or funcref: the others never take
 * this path, each exact) into `results[index]`, into the result cell there if it is one.
 */
function putResult(results: Val[], index: number, type: ValType, value: unknown): void {
  if (type === "i32") Val.put(results, index, type, value as number, 0, null);
  else Val.put(results, index, type, 0, 0, value);
}

function resultWriter(types: readonly ValType[]): WriteResults {
  if (types.length === 0) return () => {};
  if (types.length === 1) {
    const type = types[0] as ValType;
    return (value, results) => {
      putResult(results, 0, type, value);
    };
  }
  return (value, results) => {
    const values = value as unknown[];
    for (let i = 0; i < types.length; i++) putResult(results, i, types[i] as ValType, values[i]);
  };
}
