import { LinkError, StoreMismatchError } from "@wasmcall/core-types";
import type { Engine } from "./engine.js";
import type { Extern } from "./extern.js";
import { Instance } from "./instance.js";
import type { Module } from "./module.js";
import type { Store } from "./store.js";

/**
 * Resolves imports by name: items are defined under a module name and a field name, and
 * {@link Linker.instantiate} picks each import of a module from them.
 *
 * @example
 * ```ts
 * const linker = new Linker(engine);
 * linker.define("env", "log", Func.host(store, engine.funcType(["i32"], []), ([x]) => {
 *   console.log(x.i32());
 * }));
 * const lib = linker.instantiate(store, libModule);
 * linker.defineInstance("lib", lib); // lib's exports become importable as "lib" "..."
 * const app = linker.instantiate(store, appModule);
 * ```
 */
export class Linker {
  /** The engine whose modules this linker instantiates. */
  readonly engine: Engine;
  /** When true, defining a name twice replaces the first item instead of throwing. */
  allowShadowing = false;
  readonly #items = new Map<string, Map<string, Extern>>();

  /** Makes an empty linker for `engine`. */
  constructor(engine: Engine) {
    this.engine = engine;
  }

  /**
   * Defines `item` as `module` `name`.
   *
   * @throws {LinkError} when the name is defined already (unless shadowing is allowed).
   */
  define(module: string, name: string, item: Extern): this {
    let fields = this.#items.get(module);
    if (fields === undefined) {
      fields = new Map();
      this.#items.set(module, fields);
    }
    if (fields.has(name) && !this.allowShadowing) {
      throw new LinkError(module, name, "defined twice");
    }
    fields.set(name, item);
    return this;
  }

  /**
   * Defines every export of `instance` under the module name `module`.
   *
   * @throws {LinkError} when a name is defined already (unless shadowing is allowed).
   */
  defineInstance(module: string, instance: Instance): this {
    for (const [name, item] of instance.exports()) this.define(module, name, item);
    return this;
  }

  /** The item defined as `module` `name`, or `undefined`. */
  get(module: string, name: string): Extern | undefined {
    return this.#items.get(module)?.get(name);
  }

  /**
   * Instantiates `module` in `store`, each import taken from the items defined here.
   *
   * @throws {LinkError} naming the first import that is not defined, or whose item does not
   * match the import's type.
   * @throws {StoreMismatchError} when an item belongs to another store.
   * @throws {Trap} when initialisation traps.
   */
  instantiate(store: Store, module: Module): Instance {
    return new Instance(store, module, this.#imports(module));
  }

  /**
   * Instantiates `module` in `store` without blocking the thread, each import taken from the
   * items defined here: {@link Linker.instantiate} with `WebAssembly.instantiate` underneath
   * (see {@link Instance.instantiate}). Use it on a page's main thread, where Chromium refuses
   * to instantiate modules over 8 MiB synchronously.
   *
   * @throws {LinkError} (as a rejection) naming the first import that is not defined, or whose
   * item does not match the import's type.
   * @throws {StoreMismatchError} (as a rejection) when an item belongs to another store.
   * @throws {Trap} (as a rejection) when initialisation traps.
   *
   * @example
   * ```ts
   * const module = await Module.compileStreaming(engine, fetch("/app.wasm"));
   * const instance = await linker.instantiateAsync(store, module);
   * ```
   */
  async instantiateAsync(store: Store, module: Module): Promise<Instance> {
    return Instance.instantiate(store, module, this.#imports(module));
  }

  /** The item defined for each import of `module`, in order. */
  #imports(module: Module): Extern[] {
    if (module.engine !== this.engine) {
      throw new StoreMismatchError("Linker: the module was compiled for another engine");
    }
    return module.imports().map((imp) => {
      const item = this.get(imp.module, imp.name);
      if (item === undefined) {
        throw new LinkError(imp.module, imp.name, `unknown import: no ${imp.type.kind} defined`);
      }
      return item;
    });
  }
}
