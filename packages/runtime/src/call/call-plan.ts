import type { FuncType, Val } from "@wasmcall/core-types";
import type { Func } from "../func.js";
import type { Store } from "../store.js";
import { trapFromError } from "../trap-from-error.js";
import { isNaNVal, jsOfVal, valOfJs } from "./js-values.js";

/** Calls a wasm export with the JavaScript values of `params`, specialised by arity. */
type Apply = (js: Func["js"], params: readonly Val[], scratch: unknown[]) => unknown;

/**
 * How to call functions of one type with `Val`s, decided once per type: through the engine's
 * own JavaScript conversion where that is exact (the direct path: no v128 anywhere, no f32 or
 * f64 result, no NaN argument), else through the wasm trampoline over the store's slots,
 * which is exact for every type.
 *
 * The plan does not check its arguments: call {@link checkCall} first.
 *
 * @example
 * ```ts
 * checkCall(store, func, func.ty(), params, results.length);
 * func.plan().invoke(store, func, params, results, scratch);
 * ```
 */
export class CallPlan {
  /** The type the plan calls. */
  readonly type: FuncType;
  /** Whether the direct path can be taken (subject to NaN arguments). */
  readonly direct: boolean;
  readonly #floatParams: boolean;
  readonly #apply: Apply;

  /** Plans calls of functions of `type`. */
  constructor(type: FuncType) {
    this.type = type;
    this.direct =
      !type.params.includes("v128") &&
      !type.results.some((t) => t === "v128" || t === "f32" || t === "f64");
    this.#floatParams = type.params.some((t) => t === "f32" || t === "f64");
    this.#apply = applyOfArity(type.params.length);
  }

  /**
   * Calls `func` (of this plan's type, in `store`) with checked `params`, writing its results
   * into `results`. `scratch` is an array the direct path may use for the arguments of
   * functions with more than four parameters.
   *
   * @throws {Trap} when the call traps. Whatever a host function throws passes unchanged.
   */
  invoke(
    store: Store,
    func: Func,
    params: readonly Val[],
    results: Val[],
    scratch: unknown[],
  ): void {
    if (this.direct && !(this.#floatParams && params.some(isNaNVal))) {
      this.invokeDirect(store, func, params, results, scratch);
    } else {
      this.invokeViaSlots(store, func, params, results);
    }
  }

  /**
   * The direct path: a JavaScript call of the export. Only for a plan that is
   * {@link CallPlan.direct} and arguments without NaNs.
   *
   * @throws {Trap} when the call traps.
   */
  invokeDirect(
    store: Store,
    func: Func,
    params: readonly Val[],
    results: Val[],
    scratch: unknown[],
  ): void {
    let value: unknown;
    try {
      value = this.#apply(func.js, params, scratch);
    } catch (error) {
      throw trapFromError(error);
    }
    const types = this.type.results;
    if (types.length === 1) {
      results[0] = valOfJs(store, types[0] as Val["type"], value);
    } else if (types.length > 1) {
      const values = value as unknown[];
      for (let i = 0; i < types.length; i++) {
        results[i] = valOfJs(store, types[i] as Val["type"], values[i]);
      }
    }
  }

  /**
   * The trampoline path: arguments written to the store's slots, a raw call, results read back.
   * Exact for every type.
   *
   * @throws {Trap} when the call traps.
   */
  invokeViaSlots(store: Store, func: Func, params: readonly Val[], results: Val[]): void {
    const slots = store.slots;
    for (let i = 0; i < params.length; i++) slots.write(i, params[i] as Val);
    func.callRaw();
    const types = this.type.results;
    for (let i = 0; i < types.length; i++) results[i] = slots.read(i, types[i] as Val["type"]);
  }
}

function applyOfArity(arity: number): Apply {
  switch (arity) {
    case 0:
      return (js) => js();
    case 1:
      return (js, p) => (js as (a: unknown) => unknown)(jsOfVal(p[0] as Val));
    case 2:
      return (js, p) =>
        (js as (a: unknown, b: unknown) => unknown)(jsOfVal(p[0] as Val), jsOfVal(p[1] as Val));
    case 3:
      return (js, p) =>
        (js as (a: unknown, b: unknown, c: unknown) => unknown)(
          jsOfVal(p[0] as Val),
          jsOfVal(p[1] as Val),
          jsOfVal(p[2] as Val),
        );
    case 4:
      return (js, p) =>
        (js as (a: unknown, b: unknown, c: unknown, d: unknown) => unknown)(
          jsOfVal(p[0] as Val),
          jsOfVal(p[1] as Val),
          jsOfVal(p[2] as Val),
          jsOfVal(p[3] as Val),
        );
    default:
      return (js, p, scratch) => {
        for (let i = 0; i < arity; i++) scratch[i] = jsOfVal(p[i] as Val);
        scratch.length = arity;
        return Reflect.apply(js, undefined, scratch);
      };
  }
}
