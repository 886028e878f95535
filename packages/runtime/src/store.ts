import { TypeMismatchError, typeName, Val } from "@wasmcall/core-types";
import { Engine } from "./engine.js";
import type { Extern } from "./extern.js";
import type { Func } from "./func.js";
import { identifyFunc } from "./func-identity.js";
import { Slots } from "./slots.js";
import { slotRefs } from "./trampoline/slot-refs.js";

/**
 * Owns instances and the functions, globals, tables and memories they make or use. Objects of
 * one store can only be used with that store. A store also holds the scratch slots through
 * which trampolines pass values exactly (see {@link Slots}).
 *
 * A store stays usable after a trap or an exception thrown by a host function.
 *
 * A store keeps its slots and a weak map from engine objects to their wrappers, and nothing
 * per instance, function, host function or global: what the program drops is collected (with
 * its linear memory) while the store lives. The trampolines generated for a function, a host
 * function or a global belong to it, and reference slots are emptied as they are read.
 *
 * @example
 * ```ts
 * const engine = new Engine();
 * const store = new Store(engine);
 * const instance = new Instance(store, new Module(engine, bytes), []);
 * ```
 */
export class Store {
  /** The engine the store's modules are compiled with. */
  readonly engine: Engine;
  /** The scratch slots the trampolines and raw calls use. */
  readonly slots: Slots;
  readonly #externs = new WeakMap<object, Extern>();
  #scratch: unknown[] | null = [];

  /**
   * Makes an empty store of `engine`.
   *
   * @throws {TypeMismatchError} when `engine` is not an `Engine`.
   */
  constructor(engine: Engine) {
    if (!Engine.is(engine)) throw new TypeMismatchError("new Store", "an Engine", typeName(engine));
    this.engine = engine;
    this.slots = new Slots(
      this,
      (js) => Val.funcref(js === null ? null : this.funcOf(js)),
      engine.compiledModule("slot-refs", slotRefs),
    );
    Object.freeze(this);
  }

  /**
   * The function handle of a wasm function object of this store: the one made before, or, for a
   * function of one of the store's instances seen for the first time, a new one with the type
   * the engine confirms (see `identifyFunc`).
   *
   * @throws {TypeMismatchError} when `js` is no wasm function, or none with the type of a
   * function of a module instantiated in this store.
   */
  funcOf(js: unknown): Func {
    const func =
      typeof js === "function" ? (this.#externs.get(js) ?? identifyFunc(this, js)) : undefined;
    if (func === undefined) {
      throw new TypeMismatchError("funcref value", "a function of this store", String(js));
    }
    return func as Func;
  }

  /**
   * The wrapper already made for the engine object `js` (a wasm function, global, table or
   * memory), if any: the runtime keeps one wrapper per object, so the same function always
   * comes back as the same `Func`.
   */
  knownExtern(js: object): Extern | undefined {
    return this.#externs.get(js);
  }

  /** Records `extern` as the wrapper of its engine object. */
  rememberExtern(extern: Extern): void {
    this.#externs.set(extern.js, extern);
  }

  /**
   * Lends the store's reusable scratch array to a call, which must hand it back with
   * {@link Store.returnScratch} when done. A call nested inside (a host function calling wasm
   * again) finds the scratch lent and gets a fresh array, so it never clobbers an outer call's.
   */
  takeScratch(): unknown[] {
    const scratch = this.#scratch;
    if (scratch === null) return [];
    this.#scratch = null;
    return scratch;
  }

  /** Takes back a scratch array lent by {@link Store.takeScratch}, keeping the larger one. */
  returnScratch(scratch: unknown[]): void {
    if (this.#scratch === null || this.#scratch.length < scratch.length) this.#scratch = scratch;
  }
}
