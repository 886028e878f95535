import { FuncType, TypeMismatchError, typeName, type Val } from "@wasmcall/core-types";
import { type CallPlan, Engine, type ScratchLender } from "@wasmcall/runtime";

/**
 * What calls of one function type need, made once per type within an engine and reused by
 * every call of every function of that type: a copy of the type, the call plan, and
 * preallocated buffers for parameters given as a non-array iterable, for results before they
 * go to a sink, and for the arguments of calls of more than four parameters.
 *
 * The buffers are lent to one call at a time: a call made while another is using them (from a
 * host function, an iterator, a getter or a `Proxy` over the parameters) gets fresh ones, so
 * nested calls through one storage never change each other's values. A storage is frozen:
 * its fields cannot be replaced.
 *
 * @example
 * ```ts
 * const storage = new FuncStorage(engine, add.ty());
 * callWithStorage(store, add, storage, [Val.i32(1), Val.i32(2)], results);
 * ```
 */
export class FuncStorage implements ScratchLender {
  /** The engine the storage was made for. */
  readonly engine: Engine;
  /** The storage's own copy of the function type. */
  readonly type: FuncType;
  /** The engine's interned type, compared by identity on every call. */
  readonly interned: FuncType;
  /** How calls of this type are made. */
  readonly plan: CallPlan;
  /** Results, before they go to the caller's sink. */
  readonly results: Val[];
  readonly #interned: FuncType;
  /** Parameters collected from an iterable that is not an array, when not lent. */
  #params: Val[] | null;
  /** Arguments of calls of more than four parameters, when not lent. */
  #scratch: unknown[] | null;

  /**
   * Makes the storage for functions of `type` in `engine`.
   *
   * @throws {TypeMismatchError} when `engine` is not an `Engine` or `type` not a `FuncType`.
   */
  constructor(engine: Engine, type: FuncType) {
    if (!Engine.is(engine))
      throw new TypeMismatchError("FuncStorage", "an Engine", typeName(engine));
    this.engine = engine;
    this.interned = engine.intern(type);
    this.#interned = this.interned;
    this.type = new FuncType(type.params, type.results);
    this.plan = engine.callPlan(this.interned);
    this.results = new Array(type.results.length);
    this.#params = new Array(type.params.length);
    this.#scratch = new Array(type.params.length);
    Object.freeze(this);
  }

  /**
   * The engine's interned type of `value` when it is a `FuncStorage`, else undefined: the
   * brand test and the type in one read, what calls test the storage with.
   */
  static typeOf(value: unknown): FuncType | undefined {
    try {
      return (value as FuncStorage).#interned;
    } catch {
      return undefined;
    }
  }

  /** Tells whether `value` is a `FuncStorage` (an object made to look like one is not). */
  static is(value: unknown): value is FuncStorage {
    // A private field read is the brand test engines compile best (see `Val.is`).
    try {
      return (value as FuncStorage).#params !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * `params` read into an array: the storage's buffer when it is free (hand it back with
   * {@link FuncStorage.returnParams}), else a fresh one.
   */
  collectParams(params: Iterable<Val>): Val[] {
    const buffer = this.#params ?? [];
    this.#params = null;
    buffer.length = 0;
    for (const p of params) buffer.push(p);
    return buffer;
  }

  /** Takes back (emptied) a buffer from {@link FuncStorage.collectParams}. */
  returnParams(buffer: Val[]): void {
    buffer.length = 0;
    this.#params = buffer;
  }

  /** The storage's argument array if it is free, else a fresh one (see `ScratchLender`). */
  takeScratch(): unknown[] {
    const scratch = this.#scratch ?? [];
    this.#scratch = null;
    return scratch;
  }

  /** Takes back an array from {@link FuncStorage.takeScratch}. */
  returnScratch(scratch: unknown[]): void {
    this.#scratch = scratch;
  }
}
