import { FuncType, type Val } from "@wasmcall/core-types";
import type { CallPlan, Engine } from "@wasmcall/runtime";

/**
 * What calls of one function type need, made once per type within an engine and reused by
 * every call of every function of that type: a copy of the type, the call plan, and
 * preallocated buffers for parameters (when they come as a non-array iterable), results and
 * the arguments of the direct path.
 *
 * @example
 * ```ts
 * const storage = new FuncStorage(engine, add.ty());
 * callWithStorage(store, add, storage, [Val.i32(1), Val.i32(2)], results);
 * ```
 */
export class FuncStorage {
  /** The engine the storage was made for. */
  readonly engine: Engine;
  /** The storage's own copy of the function type. */
  readonly type: FuncType;
  /** The engine's interned type, compared by identity on every call. */
  readonly interned: FuncType;
  /** How calls of this type are made. */
  readonly plan: CallPlan;
  /** Parameters collected from an iterable that is not an array. */
  readonly params: Val[];
  /** Results, before they go to the caller's sink. */
  readonly results: Val[];
  /** Arguments of the direct path. */
  readonly scratch: unknown[];

  /** Makes the storage for functions of `type` in `engine`. */
  constructor(engine: Engine, type: FuncType) {
    this.engine = engine;
    this.type = new FuncType(type.params, type.results);
    this.interned = engine.intern(type);
    this.plan = engine.callPlan(this.interned);
    this.params = new Array(type.params.length);
    this.results = new Array(type.results.length);
    this.scratch = new Array(type.params.length);
  }
}
