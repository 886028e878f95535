import {
  type FuncHandle,
  type FuncType,
  StoreMismatchError,
  TypeMismatchError,
  typeName,
  type Val,
} from "@wasmcall/core-types";
import type { BoundCall, CallPlan } from "./call/call-plan.js";
import { adaptedHost } from "./host/adapted-host.js";
import { slotHost } from "./host/slot-host.js";
import { guardHost, markHostError } from "./host-error.js";
import { hostFuncName } from "./host-name.js";
import { checkSignatureLimits } from "./signature-limits.js";
import type { Store } from "./store.js";
import { entryTrampoline } from "./trampoline/entry-trampoline.js";
import { hostTrampoline } from "./trampoline/host-trampoline.js";
import { reexportTrampoline } from "./trampoline/reexport-trampoline.js";
import { trapFromError } from "./trap-from-error.js";

/**
 * A host function's body for {@link Func.host}: reads `params` (checked against the
 * function's type) and assigns `results[i]` (prefilled with zero values) a `Val` of the
 * result's type. What it throws reaches the wasm code's caller unchanged.
 */
export type HostCallback = (params: readonly Val[], results: Val[]) => void;

/** What the constructor takes to tell {@link Func.fromWasm} from any other caller. */
const KEY: unique symbol = Symbol("Func");

/**
 * The `Func` of every wasm function object any store has a handle for, by that object: how
 * {@link Func.wrap} recognises a function of another store.
 */
const funcsOfEveryStore = new WeakMap<object, Func>();

/**
 * A WebAssembly function of a store: an instance's function (from its exports, a table or a
 * funcref result) or a host function made with {@link Func.host}, {@link Func.hostRaw} or
 * {@link Func.wrap}. There is one `Func` per function: the same function always comes back as
 * the same object.
 *
 * `Func` itself offers the raw, unchecked call over slots ({@link Func.callRaw}); the strategy
 * packages build checked dynamic calls and typed calls on it.
 *
 * @example
 * ```ts
 * const add = instance.func("add");
 * String(add.ty()); // "(i32, i32) -> i32"
 * ```
 */
export class Func implements FuncHandle {
  /** The store the function belongs to. */
  readonly store: Store;
  /** The engine's wasm function object: a JS-callable export, usable in tables and imports. */
  readonly js: (...args: never[]) => unknown;
  /** The export name, or a description, used in error messages. */
  readonly name: string;
  /** The index of the function's type in the engine's type registry. */
  readonly typeIndex: number;
  readonly #type: FuncType;
  readonly #store: Store;
  #entry: (() => void) | undefined;
  #plan: CallPlan | undefined;
  #call: BoundCall | undefined;

  private constructor(
    key: typeof KEY,
    store: Store,
    js: (...args: never[]) => unknown,
    type: FuncType,
    name: string,
  ) {
    if (key !== KEY) throw new TypeMismatchError("new Func", "a Func made by the runtime", "new");
    this.store = store;
    this.#store = store;
    this.js = js;
    this.#type = type;
    this.typeIndex = store.engine.typeIndex(type);
    this.name = name;
    Object.freeze(this);
  }

  /**
   * The store of `value` when it is a `Func` (see {@link Func.is}), else undefined: the brand
   * test and the owner in one read, what calls test the function with.
   */
  static storeOf(value: unknown): Store | undefined {
    try {
      return (value as Func).#store;
    } catch {
      return undefined;
    }
  }

  /**
   * The type of `value` when it is a `Func` (see {@link Func.ty}), else undefined: the brand
   * test and the type in one read.
   */
  static typeOf(value: unknown): FuncType | undefined {
    try {
      return (value as Func).#type;
    } catch {
      return undefined;
    }
  }

  /**
   * The call plan of `value` when it is a `Func` (see {@link Func.plan}), else undefined: the
   * brand test and the plan in one step.
   */
  static planOf(value: unknown): CallPlan | undefined {
    let plan: CallPlan | undefined;
    try {
      plan = (value as Func).#plan;
    } catch {
      return undefined;
    }
    return plan ?? (value as Func).plan();
  }

  /**
   * The function's own checked dynamic call when `value` is a `Func` (its plan bound to it:
   * see `CallPlan.bind`, made on first use and kept), else undefined: the brand test and the
   * call in one step, what strategies call functions with. Given `type` (an engine's interned
   * type), only a function of that very type passes: the test a caller holding calls of one
   * type makes, in the same step.
   *
   * @example
   * ```ts
   * const call = Func.callOf(add);
   * call?.(store, [Val.i32(1), Val.i32(2)], results, store);
   * ```
   */
  static callOf(value: unknown, type?: FuncType): BoundCall | undefined {
    let call: BoundCall | undefined;
    let own: FuncType;
    try {
      call = (value as Func).#call;
      own = (value as Func).#type;
    } catch {
      return undefined;
    }
    if (type !== undefined && own !== type) return undefined;
    if (call !== undefined) return call;
    const func = value as Func;
    func.#call = func.plan().bind(func);
    return func.#call;
  }

  /**
   * Tells whether `value` is a `Func` made by the runtime: the only functions that may cross
   * into a store (as a funcref argument, table element, global value or import). An object
   * with a `Func`'s fields, one made with `Object.create(Func.prototype)`, a `Proxy` or a
   * subclass is not one, whatever its fields say.
   */
  static is(value: unknown): value is Func {
    // A private field read is the brand test engines compile best (see `Val.is`).
    try {
      return (value as Func).#type !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * The handle of the wasm function object `js` of `store`, whose type is `type`: the existing
   * one when the function was seen before, else a new one named `name`. The runtime calls this
   * for every function an instance exports.
   */
  static fromWasm(store: Store, js: unknown, type: FuncType, name: string): Func {
    if (typeof js !== "function") {
      throw new TypeMismatchError(`export ${name}`, "a wasm function", typeName(js));
    }
    const known = store.knownExtern(js);
    if (known !== undefined) return known as Func;
    const func = new Func(
      KEY,
      store,
      js as (...args: never[]) => unknown,
      store.engine.intern(type),
      name,
    );
    store.rememberExtern(func);
    funcsOfEveryStore.set(js, func);
    return func;
  }

  /**
   * A host function of any signature (v128 included) whose body is `callback`, working on
   * `Val`s, so every bit of every value passes exactly. A signature without v128 and with at
   * most one result is called through a small generated wasm adapter (f32 and f64 crossing as
   * their bits) and JavaScript generated for the signature, which hands the callback fresh
   * arrays; every other signature, and every one where generated code is off (the engine's
   * `codegen` option, or a host refusing `new Function`), goes through a generated trampoline
   * that passes the values through the store's slots. Error messages name the function `name`,
   * by default after `callback`'s JavaScript name (see {@link hostFuncName}).
   *
   * The results the callback leaves are checked: a wrong type or count, or a funcref of
   * another store, throws to the wasm code's caller, naming the function, its type and the
   * result's position.
   *
   * @throws {TypeMismatchError} when `type` has more than 1000 parameters or results (the
   * engines' limit), before anything is made.
   *
   * @example
   * ```ts
   * const double = Func.host(store, engine.funcType(["i32"], ["i32"]), ([x], results) => {
   *   results[0] = Val.i32(x.i32() * 2);
   * });
   * ```
   */
  static host(store: Store, type: FuncType, callback: HostCallback, name?: string): Func {
    const t = store.engine.intern(type);
    const label = hostFuncName(callback, name);
    checkSignatureLimits(t, `${label}: Func.host`);
    const adapted = adaptedHost(store, t, callback, label);
    if (adapted !== undefined) return Func.fromWasm(store, adapted, t, label);
    return Func.hostRaw(store, t, slotHost(store.slots, t, callback, `${label} ${t}`), label);
  }

  /**
   * A host function of any signature whose body `dispatch` works on the store's slots
   * directly: the parameters are in slots 0.. when it is called, and it must leave the results
   * in slots 0.. (see {@link Slots}). The fastest way to define a host function that keeps
   * every bit exact; {@link Func.host} is built on it. Nothing is checked. The function is
   * named `name`, by default after `dispatch` (see {@link hostFuncName}).
   *
   * The store keeps nothing of a host function: dropped, it can be collected.
   *
   * @throws {TypeMismatchError} when `type` has more than 1000 parameters or results (the
   * engines' limit), before anything is made.
   */
  static hostRaw(store: Store, type: FuncType, dispatch: () => void, name?: string): Func {
    const t = store.engine.intern(type);
    const label = hostFuncName(dispatch, name);
    checkSignatureLimits(t, `${label}: Func.hostRaw`);
    const module = store.engine.compiledModule(`host:${t.key}`, () => hostTrampoline(t));
    const host = () => {
      try {
        dispatch();
      } catch (error) {
        throw markHostError(error);
      }
    };
    const instance = new WebAssembly.Instance(module, store.slots.importObject({ host }));
    return Func.fromWasm(store, instance.exports.func, t, label);
  }

  /**
   * A host function made from a plain JavaScript function, converted by the engine as the
   * WebAssembly JS API does (i64 as bigint, f32/f64 as numbers, several results as an array):
   * the fastest host call, but NaN payloads may change on the way and v128 is impossible.
   *
   * @throws {TypeMismatchError} when `fn` is not a function, or `type` has a v128 parameter or
   * result, or more than 1000 parameters or results (the engines' limit).
   * @throws {StoreMismatchError} when `fn` is the wasm function object of a function of another
   * store (its `Func.js`): a store's wasm may only call functions of its own store.
   */
  static wrap(
    store: Store,
    type: FuncType,
    fn: (...args: never[]) => unknown,
    name = "host function",
  ): Func {
    if (typeof fn !== "function") {
      throw new TypeMismatchError(`${name}: Func.wrap`, "a function", typeName(fn));
    }
    const owner = funcsOfEveryStore.get(fn);
    if (owner !== undefined && owner.store !== store) {
      throw new StoreMismatchError(
        `${name}: Func.wrap: the function is ${owner}, a function of another store`,
      );
    }
    const t = store.engine.intern(type);
    checkSignatureLimits(t, `${name}: Func.wrap`);
    if (t.params.includes("v128") || t.results.includes("v128")) {
      throw new TypeMismatchError(`${name}: Func.wrap`, "a signature without v128", String(t));
    }
    const module = store.engine.compiledModule(`reexport:${t.key}`, () => reexportTrampoline(t));
    const instance = new WebAssembly.Instance(module, {
      env: { fn: guardHost(fn, t.params.length) },
    });
    return Func.fromWasm(store, instance.exports.func, t, name);
  }

  /** The function's signature. */
  ty(): FuncType {
    return this.#type;
  }

  /**
   * How dynamic calls of this function are made (the engine's plan for its type, kept on the
   * function so that a call needs no look-up).
   */
  plan(): CallPlan {
    this.#plan ??= this.#store.engine.callPlan(this.#type);
    return this.#plan;
  }

  /**
   * Calls the function with the arguments in the store's slots 0.. and leaves its results in
   * slots 0.. (see {@link Slots}). Nothing is checked: the caller must have written a value of
   * the right type into every parameter slot. Calls nested inside (wasm calling host functions
   * calling wasm) may reuse the slots: read the results before making another call. The call
   * empties the reference slots it reads (the arguments); `Slots.read` empties those of the
   * results.
   *
   * The first raw call makes the function's own entry trampoline, which the function keeps:
   * the store keeps nothing, so a dropped function, its instance and its memory can be
   * collected while the store lives.
   *
   * @throws {Trap} when the call traps or exhausts the stack. Whatever a host function throws
   * passes through unchanged.
   */
  callRaw(): void {
    const entry = this.#entry ?? this.#makeEntry();
    try {
      entry();
    } catch (error) {
      throw trapFromError(error);
    }
  }

  /**
   * `<name> <type>` (`add (i32, i32) -> i32`, `host function double (i32) -> i32`): how error
   * messages name the function.
   */
  toString(): string {
    return `${this.name} ${this.#type}`;
  }

  /**
   * The function's own entry trampoline, instantiated on its first raw call: it imports the
   * function itself, and only this `Func` keeps it.
   */
  #makeEntry(): () => void {
    const type = this.#type;
    const module = this.store.engine.compiledModule(`entry:${type.key}`, () =>
      entryTrampoline(type),
    );
    const instance = new WebAssembly.Instance(
      module,
      this.store.slots.importObject({ callee: this.js }),
    );
    this.#entry = instance.exports.call as () => void;
    return this.#entry;
  }
}
