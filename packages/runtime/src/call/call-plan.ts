import { type FuncType, UnsupportedFeatureError, Val, type ValType } from "@wasmcall/core-types";
import { Func } from "../func.js";
import { refHierarchy } from "../ref-hierarchy.js";
import type { Slots } from "../slots.js";
import type { Store } from "../store.js";
import { bitsWrapper, hasBitsWrapper } from "../trampoline/bits-wrapper.js";
import { trapFromError } from "../trap-from-error.js";
import { isForeignFuncref, isValOf, resultsFit } from "./arg-tests.js";
import { checkArgs, checkOwner, checkResults } from "./check-call.js";
import {
  type CallBinder,
  codegenAllowed,
  generatedBinder,
  generatedCall,
} from "./generated-call.js";
import { isNaNOfType, jsOfValOfType, putJsResult } from "./js-values.js";
import type { ScratchLender } from "./scratch-lender.js";

/**
 * A checked dynamic call: calls `func` (of the plan's type) in `store` with `params`, writing
 * its results into `results`; a call of more than four arguments borrows the array it reads
 * them into from `lender`.
 */
export type PlannedCall = (
  store: Store,
  func: Func,
  params: readonly Val[],
  results: Val[],
  lender: ScratchLender,
) => void;

/**
 * A checked dynamic call bound to one function (see {@link CallPlan.bind}): calls it in
 * `store` with `params`, writing its results into `results`, with the checks and errors of
 * {@link PlannedCall}.
 */
export type BoundCall = (
  store: Store,
  params: readonly Val[],
  results: Val[],
  lender: ScratchLender,
) => void;

/**
 * How to call functions of one type with `Val`s, decided once per type and shared by every
 * function of that type.
 *
 * {@link CallPlan.call} reads each argument once (into locals, or an array borrowed from the
 * caller's {@link ScratchLender} beyond four), checks what it read (a quick test unrolled for
 * the type; on any doubt the full checks of `checkCall`, which throw the precise error), and
 * then takes the fastest exact path: a direct JavaScript call of the export where the
 * engine's conversion is exact (no v128 anywhere, no f32 or f64 result, no NaN argument), else
 * the wasm trampoline over the store's slots, exact for every type. Results go into the
 * caller's array, into result cells (`Val.cell`) in place, so a call of numbers can allocate
 * nothing; several results read from the slots are all read before the first is delivered.
 * So a call made while another is reading its arguments or delivering its results (from a
 * getter, a `Proxy` or an iterator) never changes the other's values.
 *
 * @example
 * ```ts
 * const plan = engine.callPlan(func.ty());
 * plan.call(store, func, [Val.i32(1), Val.i32(2)], results, store);
 * ```
 */
export class CallPlan {
  /** The type the plan calls. */
  readonly type: FuncType;
  /** Whether the direct path can be taken (subject to NaN arguments). */
  readonly direct: boolean;
  /**
   * Whether calls borrow an array from their lender (more than four parameters); when not,
   * any lender may be passed.
   */
  readonly usesScratch: boolean;
  /**
   * Checks and makes a call.
   *
   * @throws {StoreMismatchError} when `func` or a funcref argument belongs to another store.
   * @throws {ArityMismatchError} when `params` or `results` has the wrong length.
   * @throws {TypeMismatchError} when `func` is not a `Func`, `params` or `results` is not an
   * array, an argument has the wrong type, or `results` is frozen and holds a value that is
   * not a result cell.
   * @throws {Trap} when the call traps. Whatever a host function throws passes unchanged.
   */
  readonly call: PlannedCall;

  /**
   * Whether {@link CallPlan.call} is code generated for the type (see `generatedCall`), else
   * closures written for any type.
   */
  readonly generated: boolean;

  /** Binds generated calls to one function, when {@link CallPlan.generated}. */
  readonly #binder: CallBinder | undefined;

  /**
   * Plans calls of functions of `type` (an engine's interned type), with code generated for
   * it when `codegen` is set and the host allows it.
   */
  constructor(type: FuncType, codegen = true) {
    this.type = type;
    this.direct =
      !type.params.includes("v128") &&
      !type.results.some((t) => t === "v128" || t === "f32" || t === "f64");
    this.generated = codegen && codegenAllowed;
    const { call, binder } = [...type.params, ...type.results].some(
      (t) => refHierarchy(t) === "exn",
    )
      ? { call: refusedCall, binder: undefined }
      : plannedCalls(type, this.direct, this.generated);
    this.call = call;
    this.#binder = binder;
    this.usesScratch = !this.generated && type.params.length > 4;
    Object.freeze(this);
  }

  /**
   * The call of `func` (a function of the plan's type) alone: with generated code, the code
   * made for the type with the function's store and export as constants (and, for a float
   * result, the function's own wrapper returning the result's bits: see `bitsWrapper`), so
   * that a call tests and reaches nothing it can know in advance; else {@link CallPlan.call}
   * with `func`. Functions keep theirs: call `Func.callOf` rather than this.
   */
  bind(func: Func): BoundCall {
    const binder = this.#binder;
    if (binder === undefined) {
      const call = this.call;
      return (store, params, results, lender) => call(store, func, params, results, lender);
    }
    const store = func.store;
    let wrapper: unknown;
    if (hasBitsWrapper(this.type)) {
      const type = this.type;
      const module = store.engine.compiledModule(`bits:${type.key}`, () => bitsWrapper(type));
      const instance = new WebAssembly.Instance(module, {
        env: { callee: func.js, slots: store.slots.memory },
      });
      wrapper = instance.exports.call;
    }
    return binder(func, store, func.js, wrapper, store.slots.u32);
  }
}

/**
 * The call of a type with an exception reference among its parameters or results: JavaScript
 * can neither pass nor receive one (the JS API refuses them at the boundary).
 */
const refusedCall: PlannedCall = (_store, func) => {
  throw new UnsupportedFeatureError(
    String(func),
    "exception references as JavaScript values",
    "an exnref parameter or result",
  );
};

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

/** Writes argument `i`, a `Val` checked to be of type `t`, to slot `i`. */
function writeSlot(slots: Slots, i: number, v: Val, t: ValType): void {
  // Numbers held in one word are written here, the rest by the general writer.
  if (t === "i32" || t === "f32") slots.u32[i << 2] = Val.loOf(v);
  else if (t === "f64") {
    slots.u32[i << 2] = Val.loOf(v);
    slots.u32[(i << 2) + 1] = Val.hiOf(v);
  } else slots.write(i, v);
}

/**
 * Calls `func` through the slots, its checked arguments written already, and delivers its
 * results: one result straight into `results`; several all read into new values first, so
 * that nothing a delivery runs (a setter or `Proxy` on `results` making another call) can
 * change the slots of those not yet read.
 */
function callAndDeliver(
  store: Store,
  func: Func,
  results: Val[],
  readers: readonly SlotReader[],
): void {
  func.callRaw();
  const slots = store.slots;
  const count = readers.length;
  if (count === 1) (readers[0] as SlotReader)(slots, results, 0);
  else if (count > 1) {
    const staged: Val[] = new Array(count);
    for (let i = 0; i < count; i++) (readers[i] as SlotReader)(slots, staged, i);
    for (let i = 0; i < count; i++) {
      const v = staged[i] as Val;
      Val.put(results, i, Val.typeOf(v) as ValType, Val.loOf(v), Val.hiOf(v), Val.refOf(v));
    }
  }
}

/**
 * The planned call of `type`: code generated for it when `generated` (see `generatedCall`),
 * with the binder of that code to single functions, else closures written for any type,
 * unrolled up to four arguments.
 */
function plannedCalls(
  type: FuncType,
  direct: boolean,
  generated: boolean,
): { call: PlannedCall; binder: CallBinder | undefined } {
  const made: { binder?: CallBinder } = {};
  const call = plannedCall(type, direct, generated, made);
  return { call, binder: made.binder };
}

/** See {@link plannedCalls}; a generated call's binder goes to `made`. */
function plannedCall(
  type: FuncType,
  direct: boolean,
  generated: boolean,
  made: { binder?: CallBinder },
): PlannedCall {
  // Plain copies: engines read frozen arrays by a variable index through a slow generic path.
  const params = [...type.params];
  const arity = params.length;
  const resultTypes = [...type.results];
  const resultCount = resultTypes.length;
  const r0 = resultTypes[0] as ValType;
  const readers = resultTypes.map(slotReader);
  const floats = params.some((t) => t === "f32" || t === "f64");
  const funcrefs = params.some((t) => refHierarchy(t) === "func");
  const refs = params.some((t) => refHierarchy(t) !== undefined);
  const [t0, t1, t2, t3] = params as [ValType, ValType, ValType, ValType];

  /** Whether the call itself (not its arguments) passes the quick test. */
  const callFits = (store: Store, func: Func, p: readonly Val[], results: Val[]): boolean =>
    Func.storeOf(func) === store &&
    Array.isArray(p) &&
    p.length === arity &&
    resultsFit(results, resultCount);
  /** Whether argument `v` passes the quick test for type `t`. */
  const argFits = (store: Store, v: Val, t: ValType): boolean =>
    isValOf(v, t) && !(funcrefs && isForeignFuncref(store, v));
  /** Whether argument `v`, checked to be of type `t`, can pass through the engine exactly. */
  const exactInJs = (v: Val, t: ValType): boolean => !(floats && isNaNOfType(v, t));
  const deliver = (store: Store, value: unknown, results: Val[]): void => {
    if (resultCount === 1) putJsResult(store, results, 0, r0, value);
    else if (resultCount > 1) {
      const values = value as unknown[];
      for (let i = 0; i < resultCount; i++) {
        putJsResult(store, results, i, resultTypes[i] as ValType, values[i]);
      }
    }
  };
  /**
   * Calls `func` with `args` (the first `arity` elements: `Val`s checked for the type; any
   * element after them is ignored), converted in place and passed directly where that is
   * exact, else written to the slots.
   */
  const callChecked = (store: Store, func: Func, args: unknown[], results: Val[]): void => {
    let exact = direct;
    for (let i = 0; exact && floats && i < arity; i++) {
      exact = exactInJs(args[i] as Val, params[i] as ValType);
    }
    if (exact) {
      for (let i = 0; i < arity; i++) args[i] = jsOfValOfType(args[i] as Val, params[i] as ValType);
      let value: unknown;
      try {
        // A wasm export ignores arguments beyond its parameters: the array is passed whole.
        value = Reflect.apply(func.js, undefined, args);
      } catch (error) {
        throw trapFromError(error);
      }
      deliver(store, value, results);
    } else {
      const slots = store.slots;
      for (let i = 0; i < arity; i++) writeSlot(slots, i, args[i] as Val, params[i] as ValType);
      callAndDeliver(store, func, results, readers);
    }
  };

  /**
   * The general call, for any arity and any doubt: the arguments read once into a borrowed
   * array, fully checked (throwing the precise error), then passed directly or through the
   * slots.
   */
  const general: PlannedCall = (store, func, p, results, lender) => {
    checkOwner(store, func);
    if (!Array.isArray(p) || p.length !== arity) checkArgs(store, func, type, p);
    const args = lender.takeScratch();
    try {
      for (let i = 0; i < arity; i++) args[i] = p[i];
      args.length = arity;
      checkArgs(store, func, type, args);
      checkResults(func, type, results);
      callChecked(store, func, args, results);
    } finally {
      // References handed back in the array would stay alive with the lender; numbers are
      // left, since emptying costs every call.
      if (refs) args.fill(undefined);
      lender.returnScratch(args);
    }
  };

  /**
   * The call of more than four arguments: each read once into the borrowed array and given
   * the quick test as it is read; on any doubt the general call decides (and throws).
   */
  const wide: PlannedCall = (store, func, p, results, lender) => {
    if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
    const args = lender.takeScratch();
    let fits = true;
    try {
      for (let i = 0; i < arity; i++) {
        const v = p[i] as Val;
        if (!argFits(store, v, params[i] as ValType)) {
          fits = false;
          break;
        }
        args[i] = v;
      }
      if (fits) callChecked(store, func, args, results);
    } finally {
      if (refs) args.fill(undefined);
      lender.returnScratch(args);
    }
    if (!fits) general(store, func, p, results, lender);
  };

  if (generated) {
    const deliverSlots = (store: Store, func: Func, results: Val[]): void =>
      callAndDeliver(store, func, results, readers);
    made.binder = generatedBinder(type, direct, general, deliverSlots);
    return generatedCall(type, direct, general, deliverSlots);
  }
  if (arity > 4) return wide;
  if (!direct) return slotCall(arity, readers, callFits, argFits, general, [t0, t1, t2, t3]);
  if (
    params.every((t) => t === "i32") &&
    (resultCount === 0 || (resultCount === 1 && r0 === "i32"))
  ) {
    return i32Call(arity, resultCount, callFits, general);
  }
  switch (arity) {
    case 0:
      return (store, func, p, results, lender) => {
        if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
        let value: unknown;
        try {
          value = func.js();
        } catch (error) {
          throw trapFromError(error);
        }
        deliver(store, value, results);
      };
    case 1:
      return (store, func, p, results, lender) => {
        if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
        const a = p[0] as Val;
        if (!argFits(store, a, t0) || !exactInJs(a, t0)) {
          return general(store, func, p, results, lender);
        }
        const x = jsOfValOfType(a, t0);
        let value: unknown;
        try {
          value = (func.js as (a: unknown) => unknown)(x);
        } catch (error) {
          throw trapFromError(error);
        }
        deliver(store, value, results);
      };
    case 2:
      return (store, func, p, results, lender) => {
        if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
        const a = p[0] as Val;
        const b = p[1] as Val;
        if (
          !argFits(store, a, t0) ||
          !argFits(store, b, t1) ||
          !exactInJs(a, t0) ||
          !exactInJs(b, t1)
        ) {
          return general(store, func, p, results, lender);
        }
        const x = jsOfValOfType(a, t0);
        const y = jsOfValOfType(b, t1);
        let value: unknown;
        try {
          value = (func.js as (a: unknown, b: unknown) => unknown)(x, y);
        } catch (error) {
          throw trapFromError(error);
        }
        deliver(store, value, results);
      };
    case 3:
      return (store, func, p, results, lender) => {
        if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
        const a = p[0] as Val;
        const b = p[1] as Val;
        const c = p[2] as Val;
        if (
          !argFits(store, a, t0) ||
          !argFits(store, b, t1) ||
          !argFits(store, c, t2) ||
          !exactInJs(a, t0) ||
          !exactInJs(b, t1) ||
          !exactInJs(c, t2)
        ) {
          return general(store, func, p, results, lender);
        }
        const x = jsOfValOfType(a, t0);
        const y = jsOfValOfType(b, t1);
        const z = jsOfValOfType(c, t2);
        let value: unknown;
        try {
          value = (func.js as (a: unknown, b: unknown, c: unknown) => unknown)(x, y, z);
        } catch (error) {
          throw trapFromError(error);
        }
        deliver(store, value, results);
      };
    default:
      return (store, func, p, results, lender) => {
        if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
        const a = p[0] as Val;
        const b = p[1] as Val;
        const c = p[2] as Val;
        const d = p[3] as Val;
        if (
          !argFits(store, a, t0) ||
          !argFits(store, b, t1) ||
          !argFits(store, c, t2) ||
          !argFits(store, d, t3) ||
          !exactInJs(a, t0) ||
          !exactInJs(b, t1) ||
          !exactInJs(c, t2) ||
          !exactInJs(d, t3)
        ) {
          return general(store, func, p, results, lender);
        }
        const w = jsOfValOfType(a, t0);
        const x = jsOfValOfType(b, t1);
        const y = jsOfValOfType(c, t2);
        const z = jsOfValOfType(d, t3);
        let value: unknown;
        try {
          value = (func.js as (a: unknown, b: unknown, c: unknown, d: unknown) => unknown)(
            w,
            x,
            y,
            z,
          );
        } catch (error) {
          throw trapFromError(error);
        }
        deliver(store, value, results);
      };
  }
}

type CallFits = (store: Store, func: Func, p: readonly Val[], results: Val[]) => boolean;
type ArgFits = (store: Store, v: Val, t: ValType) => boolean;

/**
 * The planned call through the slots of a signature of up to four parameters: each argument
 * read once into a local, tested, and only then written to its slot (reading an argument may
 * run code that makes another call, which uses the same slots). `general` checks fully (and
 * throws).
 */
function slotCall(
  arity: number,
  readers: readonly SlotReader[],
  callFits: CallFits,
  argFits: ArgFits,
  general: PlannedCall,
  types: readonly ValType[],
): PlannedCall {
  const [t0, t1, t2, t3] = types as [ValType, ValType, ValType, ValType];
  return (store, func, p, results, lender) => {
    if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
    const a = p[0] as Val;
    const b = p[1] as Val;
    const c = p[2] as Val;
    const d = p[3] as Val;
    if (
      (arity > 0 && !argFits(store, a, t0)) ||
      (arity > 1 && !argFits(store, b, t1)) ||
      (arity > 2 && !argFits(store, c, t2)) ||
      (arity > 3 && !argFits(store, d, t3))
    ) {
      return general(store, func, p, results, lender);
    }
    const slots = store.slots;
    if (arity > 0) writeSlot(slots, 0, a, t0);
    if (arity > 1) writeSlot(slots, 1, b, t1);
    if (arity > 2) writeSlot(slots, 2, c, t2);
    if (arity > 3) writeSlot(slots, 3, d, t3);
    callAndDeliver(store, func, results, readers);
  };
}

type I32Export = (a?: number, b?: number, c?: number, d?: number) => number;

/**
 * The planned call of a signature of up to four i32 parameters and no result or one i32: the
 * most common dynamic call, with its checks and conversions written out so that the engine
 * inlines all of it. `general` checks fully (and throws) and calls.
 */
function i32Call(
  arity: number,
  resultCount: number,
  callFits: CallFits,
  general: PlannedCall,
): PlannedCall {
  const deliver = (results: Val[], value: number): void => {
    if (resultCount === 1) Val.put(results, 0, "i32", value, 0, null);
  };
  const call = (func: Func): I32Export => func.js as I32Export;
  const trap = (error: unknown): never => {
    throw trapFromError(error);
  };
  switch (arity) {
    case 0:
      return (store, func, p, results, lender) => {
        if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
        let value = 0;
        try {
          value = call(func)();
        } catch (error) {
          trap(error);
        }
        deliver(results, value);
      };
    case 1:
      return (store, func, p, results, lender) => {
        if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
        const a = p[0];
        if (!isI32(a)) return general(store, func, p, results, lender);
        const x = Val.loOf(a);
        let value = 0;
        try {
          value = call(func)(x);
        } catch (error) {
          trap(error);
        }
        deliver(results, value);
      };
    case 2:
      return (store, func, p, results, lender) => {
        if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
        const a = p[0];
        const b = p[1];
        if (!isI32(a) || !isI32(b)) return general(store, func, p, results, lender);
        const x = Val.loOf(a);
        const y = Val.loOf(b);
        let value = 0;
        try {
          value = call(func)(x, y);
        } catch (error) {
          trap(error);
        }
        deliver(results, value);
      };
    case 3:
      return (store, func, p, results, lender) => {
        if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
        const a = p[0];
        const b = p[1];
        const c = p[2];
        if (!isI32(a) || !isI32(b) || !isI32(c)) return general(store, func, p, results, lender);
        const x = Val.loOf(a);
        const y = Val.loOf(b);
        const z = Val.loOf(c);
        let value = 0;
        try {
          value = call(func)(x, y, z);
        } catch (error) {
          trap(error);
        }
        deliver(results, value);
      };
    default:
      return (store, func, p, results, lender) => {
        if (!callFits(store, func, p, results)) return general(store, func, p, results, lender);
        const a = p[0];
        const b = p[1];
        const c = p[2];
        const d = p[3];
        if (!isI32(a) || !isI32(b) || !isI32(c) || !isI32(d)) {
          return general(store, func, p, results, lender);
        }
        const w = Val.loOf(a);
        const x = Val.loOf(b);
        const y = Val.loOf(c);
        const z = Val.loOf(d);
        let value = 0;
        try {
          value = call(func)(w, x, y, z);
        } catch (error) {
          trap(error);
        }
        deliver(results, value);
      };
  }
}

/** Tells whether `value` is an i32 `Val`. */
function isI32(value: unknown): value is Val {
  return Val.typeOf(value) === "i32";
}
