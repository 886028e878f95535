import { type Caller, Val, type ValType } from "@wasmcall/core-types";
import {
  checkArgs,
  checkResults,
  type Func,
  isForeignFuncref,
  isNaNVal,
  isValOf,
  jsOfVal,
  type Store,
} from "@wasmcall/runtime";
import type { AnyCall } from "./direct-call.js";
import { typed } from "./typed-func.js";

/**
 * Calls the typed call with the JavaScript values of the checked arguments in `params` and
 * writes its results into `results`; specialised by arity.
 */
type Run = (params: readonly Val[], results: Val[]) => void;

/** Writes a typed call's result (void, one value or an array) into `results` as `Val`s. */
type WriteResults = (value: unknown, results: Val[]) => void;

/**
 * The {@link Caller} of `func` (a function of `store`) built on its `TypedFunc`: each call
 * checks `params` and the room for results as the runtime's `checkCall` does, turns the `Val`s
 * into JavaScript values, makes the typed call, and turns its results back into `Val`s. Each
 * argument is read once: what is checked is what is passed.
 *
 * A JavaScript number cannot carry every NaN payload, so where bits could be lost the call
 * takes the runtime's exact path instead (the function's call plan, through the store's slots):
 * always for a signature with v128 or an f32/f64 result (no `TypedFunc` is made for those), and
 * for a call with an f32/f64 NaN argument.
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
        plan.call(store, func, params, results, store);
      },
    };
  }
  const call = typed(func, type.params, type.results).call as AnyCall;
  const write = resultWriter(type.results);
  const paramTypes = [...type.params];
  const arity = paramTypes.length;
  const floatParams = paramTypes.some((t) => t === "f32" || t === "f64");
  /** Whether `v` is a fit argument `i`; when one is not, `checkArgs` throws the precise error. */
  const fits = (v: unknown, i: number): boolean =>
    isValOf(v, paramTypes[i] as ValType) && !isForeignFuncref(store, v as Val);
  /** Whether a checked argument is a NaN whose bits a JavaScript number may change. */
  const nan = (v: Val): boolean => floatParams && isNaNVal(v);
  const exact: Run = (params, results) => plan.call(store, func, params, results, store);
  const run = runOfArity(arity, {
    call,
    write,
    fits,
    nan,
    exact,
    refuse: (args) => checkArgs(store, func, type, args),
  });
  return {
    type,
    call(params, results) {
      if (!Array.isArray(params) || params.length !== arity) checkArgs(store, func, type, params);
      checkResults(func, type, results);
      run(params, results);
    },
  };
}

/** What the calls of {@link runOfArity} are made of. */
interface Parts {
  /** The typed call. */
  readonly call: AnyCall;
  /** Writes its results. */
  readonly write: WriteResults;
  /** Whether a value is a fit argument at a position. */
  readonly fits: (v: unknown, i: number) => boolean;
  /** Whether a checked argument is a NaN. */
  readonly nan: (v: Val) => boolean;
  /** The exact call, for NaN arguments. */
  readonly exact: Run;
  /** Throws the precise error for arguments that did not fit. */
  readonly refuse: (args: readonly unknown[]) => void;
}

function runOfArity(arity: number, parts: Parts): Run {
  const { call, write, fits, nan, exact, refuse } = parts;
  switch (arity) {
    case 0:
      return (_, results) => write(call(), results);
    case 1:
      return (p, results) => {
        const a = p[0] as Val;
        if (!fits(a, 0)) refuse([a]);
        if (nan(a)) return exact(p, results);
        write(call(jsOf(a)), results);
      };
    case 2:
      return (p, results) => {
        const a = p[0] as Val;
        const b = p[1] as Val;
        if (!fits(a, 0) || !fits(b, 1)) refuse([a, b]);
        if (nan(a) || nan(b)) return exact(p, results);
        write(call(jsOf(a), jsOf(b)), results);
      };
    case 3:
      return (p, results) => {
        const a = p[0] as Val;
        const b = p[1] as Val;
        const c = p[2] as Val;
        if (!fits(a, 0) || !fits(b, 1) || !fits(c, 2)) refuse([a, b, c]);
        if (nan(a) || nan(b) || nan(c)) return exact(p, results);
        write(call(jsOf(a), jsOf(b), jsOf(c)), results);
      };
    case 4:
      return (p, results) => {
        const a = p[0] as Val;
        const b = p[1] as Val;
        const c = p[2] as Val;
        const d = p[3] as Val;
        if (!fits(a, 0) || !fits(b, 1) || !fits(c, 2) || !fits(d, 3)) refuse([a, b, c, d]);
        if (nan(a) || nan(b) || nan(c) || nan(d)) return exact(p, results);
        write(call(jsOf(a), jsOf(b), jsOf(c), jsOf(d)), results);
      };
    default:
      return (p, results) => {
        // One read of each argument, into a fresh array: what is checked is what is passed.
        const args = Array.prototype.slice.call(p) as Val[];
        refuse(args);
        if (args.some(nan)) return exact(args, results);
        write(Reflect.apply(call, undefined, args.map(jsOf)), results);
      };
  }
}

/** The JavaScript value the typed call takes for a checked `val` (a funcref as its `Func`). */
function jsOf(val: Val): unknown {
  return Val.typeOf(val) === "funcref" ? Val.refOf(val) : jsOfVal(val);
}

function putResult(results: Val[], index: number, type: ValType, value: unknown): void {
  if (type === "i32") Val.put(results, index, type, value as number, 0, null);
  else Val.put(results, index, type, 0, 0, value);
}

/** The writer of results of `types`, specialised by count. */
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
