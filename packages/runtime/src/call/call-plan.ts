import { type FuncType, Val, type ValType } from "@wasmcall/core-types";
import type { Func } from "../func.js";
import type { Slots } from "../slots.js";
import type { Store } from "../store.js";
import { trapFromError } from "../trap-from-error.js";
import { checkCall } from "./check-call.js";
import { isNaNVal, jsOfVal, putJsResult } from "./js-values.js";

/**
 * A checked dynamic call: calls `func` (of the plan's type) in `store` with `params`, writing
 * its results into `results`; `scratch` is an array the call may use for arguments.
 */
export type PlannedCall = (
  store: Store,
  func: Func,
  params: readonly Val[],
  results: Val[],
  scratch: unknown[],
) => void;

/**
 * How to call functions of one type with `Val`s, decided once per type and shared by every
 * function of that type.
 *
 * {@link CallPlan.call} checks the call (a quick test unrolled for the type; on any doubt the
 * full {@link checkCall}, which throws the precise error) and then takes the fastest exact
 * path: a direct JavaScript call of the export where the engine's conversion is exact (no
 * v128 anywhere, no f32 or f64 result, no NaN argument), else the wasm trampoline over the
 * store's slots, exact for every type. Results go into the caller's array, into result cells
 * (`Val.cell`) in place, so a call of numbers can allocate nothing.
 *
 * @example
 * ```ts
 * const plan = engine.callPlan(func.ty());
 * plan.call(store, func, [Val.i32(1), Val.i32(2)], results, []);
 * ```
 */
export class CallPlan {
  /** The type the plan calls. */
  readonly type: FuncType;
  /** Whether the direct path can be taken (subject to NaN arguments). */
  readonly direct: boolean;
  /**
   * Whether calls use their `scratch` array (the direct path of more than four parameters);
   * when not, any array may be passed, and a caller need not lend one.
   */
  readonly usesScratch: boolean;
  /**
   * Checks and makes a call.
   *
   * @throws {StoreMismatchError} when `func` or a funcref argument belongs to another store.
   * @throws {ArityMismatchError} when `params` or `results` has the wrong length.
   * @throws {TypeMismatchError} when an argument has the wrong type.
   * @throws {Trap} when the call traps. Whatever a host function throws passes unchanged.
   */
  readonly call: PlannedCall;
  readonly #readers: readonly SlotReader[];

  /** Plans calls of functions of `type` (an engine's interned type). */
  constructor(type: FuncType) {
    this.type = type;
    this.direct =
      !type.params.includes("v128") &&
      !type.results.some((t) => t === "v128" || t === "f32" || t === "f64");
    this.usesScratch = this.direct && type.params.length > 4;
    this.call = plannedCall(type, this.direct);
    this.#readers = type.results.map(slotReader);
  }

  /**
   * The trampoline path alone, for checked arguments: written to the store's slots, a raw
   * call, results read back. Exact for every type.
   *
   * @throws {Trap} when the call traps.
   */
  invokeViaSlots(store: Store, func: Func, params: readonly Val[], results: Val[]): void {
    callViaSlots(store, func, params, results, this.#readers);
  }
}

/** Reads result `i` from slot `i` into `results[i]` (into the result cell there, if any). */
type SlotReader = (slots: Slots, results: Val[], i: number) => void;

/** The reader of results of `type`: the common number types read in place, the rest generally. */
function slotReader(type: ValType): SlotReader {
  switch (type) {
    case "i32":
      return (slots, results, i) => Val.put(results, i, type, slots.i32[i << 2] as number, 0, null);
    case "f32":
      return (slots, results, i) => Val.put(results, i, type, slots.u32[i << 2] as number, 0, null);
    case "f64":
      return (slots, results, i) =>
        Val.put(
          results,
          i,
          type,
          slots.u32[i << 2] as number,
          slots.u32[(i << 2) + 1] as number,
          null,
        );
    default:
      return (slots, results, i) => slots.readInto(results, i, i, type);
  }
}

function callViaSlots(
  store: Store,
  func: Func,
  params: readonly Val[],
  results: Val[],
  readers: readonly SlotReader[],
): void {
  const slots = store.slots;
  const u32 = slots.u32;
  for (let i = 0; i < params.length; i++) {
    const v = params[i] as Val;
    const t = v.type;
    // Numbers held in one word are written here, the rest by the general writer.
    if (t === "i32" || t === "f32") u32[i << 2] = v.lo;
    else if (t === "f64") {
      u32[i << 2] = v.lo;
      u32[(i << 2) + 1] = v.hi;
    } else slots.write(i, v);
  }
  func.callRaw();
  for (let i = 0; i < readers.length; i++) (readers[i] as SlotReader)(slots, results, i);
}

function plannedCall(type: FuncType, direct: boolean): PlannedCall {
  // Plain copies: engines read frozen arrays by a variable index through a slow generic path.
  const params = [...type.params];
  const arity = params.length;
  const resultTypes = [...type.results];
  const resultCount = resultTypes.length;
  const r0 = resultTypes[0] as ValType;
  const readers = resultTypes.map(slotReader);
  const floats = params.some((t) => t === "f32" || t === "f64");
  const funcrefs = params.includes("funcref");

  /** Whether the quick test leaves a doubt: then the full check decides (and throws). */
  const suspicious = (store: Store, func: Func, p: readonly Val[], results: Val[]): boolean => {
    if (func.store !== store || p.length !== arity || results.length !== resultCount) return true;
    for (let i = 0; i < arity; i++) {
      const v = p[i] as Val;
      if (!isValOf(v, params[i] as ValType) || (funcrefs && foreign(store, v))) return true;
    }
    return false;
  };
  const viaSlots = (store: Store, func: Func, p: readonly Val[], results: Val[]): void =>
    callViaSlots(store, func, p, results, readers);
  const deliver = (store: Store, value: unknown, results: Val[]): void => {
    if (resultCount === 1) putJsResult(store, results, 0, r0, value);
    else if (resultCount > 1) {
      const values = value as unknown[];
      for (let i = 0; i < resultCount; i++) {
        putJsResult(store, results, i, resultTypes[i] as ValType, values[i]);
      }
    }
  };
  const fallback = (store: Store, func: Func, p: readonly Val[], results: Val[]): void => {
    checkCall(store, func, type, p, results.length);
    viaSlots(store, func, p, results);
  };

  if (!direct) {
    return (store, func, p, results) => {
      if (suspicious(store, func, p, results)) checkCall(store, func, type, p, results.length);
      viaSlots(store, func, p, results);
    };
  }
  if (
    params.every((t) => t === "i32") &&
    arity <= 4 &&
    (resultCount === 0 || (resultCount === 1 && r0 === "i32"))
  ) {
    return i32Call(arity, resultCount, fallback);
  }
  const t0 = params[0];
  const t1 = params[1];
  switch (arity) {
    case 0:
      return (store, func, p, results) => {
        if (func.store !== store || p.length !== 0 || results.length !== resultCount) {
          return fallback(store, func, p, results);
        }
        let value: unknown;
        try {
          value = func.js();
        } catch (error) {
          throw trapFromError(error);
        }
        deliver(store, value, results);
      };
    case 1:
      return (store, func, p, results) => {
        const a = p[0] as Val;
        if (
          func.store !== store ||
          p.length !== 1 ||
          results.length !== resultCount ||
          !isValOf(a, t0) ||
          (funcrefs && foreign(store, a)) ||
          (floats && isNaNVal(a))
        ) {
          return fallback(store, func, p, results);
        }
        let value: unknown;
        try {
          value = (func.js as (a: unknown) => unknown)(jsOfVal(a));
        } catch (error) {
          throw trapFromError(error);
        }
        deliver(store, value, results);
      };
    case 2:
      return (store, func, p, results) => {
        const a = p[0] as Val;
        const b = p[1] as Val;
        if (
          func.store !== store ||
          p.length !== 2 ||
          results.length !== resultCount ||
          !isValOf(a, t0) ||
          !isValOf(b, t1) ||
          (funcrefs && (foreign(store, a) || foreign(store, b))) ||
          (floats && (isNaNVal(a) || isNaNVal(b)))
        ) {
          return fallback(store, func, p, results);
        }
        let value: unknown;
        try {
          value = (func.js as (a: unknown, b: unknown) => unknown)(jsOfVal(a), jsOfVal(b));
        } catch (error) {
          throw trapFromError(error);
        }
        deliver(store, value, results);
      };
    default:
      return (store, func, p, results, scratch) => {
        if (suspicious(store, func, p, results) || (floats && p.some(isNaNVal))) {
          return fallback(store, func, p, results);
        }
        for (let i = 0; i < arity; i++) scratch[i] = jsOfVal(p[i] as Val);
        if (scratch.length !== arity) scratch.length = arity;
        let value: unknown;
        try {
          value = Reflect.apply(func.js, undefined, scratch);
        } catch (error) {
          throw trapFromError(error);
        }
        deliver(store, value, results);
      };
  }
}

type I32Export = (a?: number, b?: number, c?: number, d?: number) => number;

/**
 * The planned call of a signature of up to four i32 parameters and no result or one i32: the
 * most common dynamic call, with its checks and conversions written out so that the engine
 * inlines all of it. `fallback` checks fully (and throws) and calls through the slots.
 */
function i32Call(arity: number, resultCount: number, fallback: PlannedCall): PlannedCall {
  const deliver = (results: Val[], value: number): void => {
    if (resultCount === 1) Val.put(results, 0, "i32", value, 0, null);
  };
  const ok = (store: Store, func: Func, p: readonly Val[], results: Val[]): boolean =>
    func.store === store && p.length === arity && results.length === resultCount;
  const call = (func: Func): I32Export => func.js as I32Export;
  const trap = (error: unknown): never => {
    throw trapFromError(error);
  };
  switch (arity) {
    case 0:
      return (store, func, p, results, scratch) => {
        if (!ok(store, func, p, results)) return fallback(store, func, p, results, scratch);
        let value = 0;
        try {
          value = call(func)();
        } catch (error) {
          trap(error);
        }
        deliver(results, value);
      };
    case 1:
      return (store, func, p, results, scratch) => {
        const a = p[0] as Val;
        if (!ok(store, func, p, results) || !isI32(a)) {
          return fallback(store, func, p, results, scratch);
        }
        let value = 0;
        try {
          value = call(func)(a.lo);
        } catch (error) {
          trap(error);
        }
        deliver(results, value);
      };
    case 2:
      return (store, func, p, results, scratch) => {
        const a = p[0] as Val;
        const b = p[1] as Val;
        if (!ok(store, func, p, results) || !isI32(a) || !isI32(b)) {
          return fallback(store, func, p, results, scratch);
        }
        let value = 0;
        try {
          value = call(func)(a.lo, b.lo);
        } catch (error) {
          trap(error);
        }
        deliver(results, value);
      };
    case 3:
      return (store, func, p, results, scratch) => {
        const a = p[0] as Val;
        const b = p[1] as Val;
        const c = p[2] as Val;
        if (!ok(store, func, p, results) || !isI32(a) || !isI32(b) || !isI32(c)) {
          return fallback(store, func, p, results, scratch);
        }
        let value = 0;
        try {
          value = call(func)(a.lo, b.lo, c.lo);
        } catch (error) {
          trap(error);
        }
        deliver(results, value);
      };
    default:
      return (store, func, p, results, scratch) => {
        const a = p[0] as Val;
        const b = p[1] as Val;
        const c = p[2] as Val;
        const d = p[3] as Val;
        if (!ok(store, func, p, results) || !isI32(a) || !isI32(b) || !isI32(c) || !isI32(d)) {
          return fallback(store, func, p, results, scratch);
        }
        let value = 0;
        try {
          value = call(func)(a.lo, b.lo, c.lo, d.lo);
        } catch (error) {
          trap(error);
        }
        deliver(results, value);
      };
  }
}

/** Tells whether `val` is an i32 `Val`. */
function isI32(val: Val | undefined): boolean {
  return val instanceof Val && val.type === "i32";
}

/** Tells whether `val` is a `Val` of type `type`. */
function isValOf(val: Val | undefined, type: ValType | undefined): boolean {
  return val instanceof Val && val.type === type;
}

/** Tells whether `val` is a funcref of a store other than `store`. */
function foreign(store: Store, val: Val): boolean {
  return val.type === "funcref" && val.ref !== null && (val.ref as Func).store !== store;
}
