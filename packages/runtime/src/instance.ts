import {
  ArityMismatchError,
  type ExportKind,
  ExportNotFoundError,
  LinkError,
  StoreMismatchError,
  TypeMismatchError,
  typeName,
} from "@wasmcall/core-types";
import { type Extern, externTypeOf } from "./extern.js";
import type { ExportType, MemoryType } from "./extern-type.js";
import { externTypeText } from "./extern-type-text.js";
import { Func } from "./func.js";
import { noteInstantiation } from "./func-identity.js";
import { Global } from "./global.js";
import { importItemType } from "./import-item.js";
import { importMatches } from "./import-match.js";
import { Memory } from "./memory.js";
import type { Module } from "./module.js";
import type { Store } from "./store.js";
import { Table } from "./table.js";
import { Tag } from "./tag.js";
import { trapFromError } from "./trap-from-error.js";

/**
 * An instantiated module: its exports, as {@link Func}, {@link Global}, {@link Table} and
 * {@link Memory} handles of its store.
 *
 * Instantiate synchronously with the constructor, or asynchronously with
 * {@link Instance.instantiate} (Chromium refuses to instantiate modules over 8 MiB
 * synchronously on a page's main thread).
 *
 * @example
 * ```ts
 * const instance = new Instance(store, module, [hostFunc]);
 * const run = instance.func("run"); // throws ExportNotFoundError when there is no function "run"
 * ```
 */
export class Instance {
  /** The store the instance lives in. */
  readonly store: Store;
  /** The module it was instantiated from. */
  readonly module: Module;
  readonly #exports = new Map<string, Extern>();

  /**
   * Instantiates `module` in `store` with `imports`, one item per import of the module, in the
   * module's import order (a {@link Linker} finds them by name instead). Runs the start
   * function, if any.
   *
   * @throws {TypeMismatchError} when `imports` is not an array.
   * @throws {LinkError} naming the first import that is missing (fewer items than imports),
   * whose item is not a `Func`, `Global`, `Table` or `Memory`, or whose item does not match
   * the import's type.
   * @throws {ArityMismatchError} when there are more items than imports.
   * @throws {StoreMismatchError} when the module's engine or an item's store is another.
   * @throws {Trap} when initialisation traps (the start function, or a segment out of bounds).
   * @throws {RangeError} from the engine where it refuses to instantiate a large module
   * synchronously (Chromium, on a page's main thread): use {@link Instance.instantiate} there.
   */
  constructor(store: Store, module: Module, imports: readonly Extern[]);
  /** @internal Wraps the exports of an instance made already from checked imports. */
  constructor(
    store: Store,
    module: Module,
    imports: readonly Extern[],
    exports: WebAssembly.Exports,
  );
  constructor(
    store: Store,
    module: Module,
    imports: readonly Extern[],
    instantiated?: WebAssembly.Exports,
  ) {
    const exports = instantiated ?? instantiateSync(store, module, imports);
    this.store = store;
    this.module = module;
    const globals = imports.filter((item) => item instanceof Global);
    module.exports().forEach((exp, k) => {
      const index = module.exportIndices[k] as number;
      if (exp.type.kind !== "global") {
        this.#exports.set(exp.name, wrap(store, exp, exports));
        return;
      }
      let global = globals[index];
      if (global === undefined) {
        const js = exports[exp.name] as WebAssembly.Global;
        global = store.knownExtern(js) as Global | undefined;
        if (global === undefined) {
          global = new Global(store, exp.type.type, js);
          store.rememberExtern(global);
        }
        globals[index] = global;
      }
      this.#exports.set(exp.name, global);
    });
    Object.freeze(this);
  }

  /**
   * Instantiates `module` in `store` with `imports` (in the module's import order) without
   * blocking the thread, with `WebAssembly.instantiate`; otherwise as the constructor does.
   * Use it on a page's main thread, where Chromium refuses to instantiate modules over 8 MiB
   * synchronously.
   *
   * @throws {TypeMismatchError}, {@link LinkError} or {@link ArityMismatchError} (as a
   * rejection) when `imports` are not what the constructor takes.
   * @throws {StoreMismatchError} (as a rejection) when the module's engine or an item's store is
   * another.
   * @throws {Trap} (as a rejection) when initialisation traps.
   *
   * @example
   * ```ts
   * const module = await Module.compileStreaming(engine, fetch("/app.wasm"));
   * const instance = await Instance.instantiate(store, module, [hostFunc]);
   * ```
   */
  static async instantiate(
    store: Store,
    module: Module,
    imports: readonly Extern[],
  ): Promise<Instance> {
    const importObject = importObjectOf(store, module, imports);
    noteInstantiation(store, module);
    let instance: WebAssembly.Instance;
    try {
      instance = await WebAssembly.instantiate(module.js, importObject);
    } catch (error) {
      throw instantiationError(error);
    }
    return new Instance(store, module, imports, instance.exports);
  }

  /** Every export, in the module's order. */
  exports(): [string, Extern][] {
    return [...this.#exports];
  }

  /** The export `name`, or `undefined`. */
  getExport(name: string): Extern | undefined {
    return this.#exports.get(name);
  }

  /** The exported function `name`, or `undefined` when there is no function by that name. */
  getFunc(name: string): Func | undefined {
    const e = this.#exports.get(name);
    return e instanceof Func ? e : undefined;
  }

  /** The exported global `name`, or `undefined` when there is no global by that name. */
  getGlobal(name: string): Global | undefined {
    const e = this.#exports.get(name);
    return e instanceof Global ? e : undefined;
  }

  /** The exported table `name`, or `undefined` when there is no table by that name. */
  getTable(name: string): Table | undefined {
    const e = this.#exports.get(name);
    return e instanceof Table ? e : undefined;
  }

  /** The exported memory `name`, or `undefined` when there is no memory by that name. */
  getMemory(name: string): Memory | undefined {
    const e = this.#exports.get(name);
    return e instanceof Memory ? e : undefined;
  }

  /** The exported tag `name`, or `undefined` when there is no tag by that name. */
  getTag(name: string): Tag | undefined {
    const e = this.#exports.get(name);
    return e instanceof Tag ? e : undefined;
  }

  /**
   * The exported function `name`.
   *
   * @throws {ExportNotFoundError} when there is no export `name`, or it is not a function.
   *
   * @example
   * ```ts
   * const add = instance.func("add"); // a Func, never undefined
   * ```
   */
  func(name: string): Func {
    return this.#get(name, "func") as Func;
  }

  /**
   * The exported global `name`.
   *
   * @throws {ExportNotFoundError} when there is no export `name`, or it is not a global.
   */
  global(name: string): Global {
    return this.#get(name, "global") as Global;
  }

  /**
   * The exported table `name`.
   *
   * @throws {ExportNotFoundError} when there is no export `name`, or it is not a table.
   */
  table(name: string): Table {
    return this.#get(name, "table") as Table;
  }

  /**
   * The exported memory `name`.
   *
   * @throws {ExportNotFoundError} when there is no export `name`, or it is not a memory.
   */
  memory(name: string): Memory {
    return this.#get(name, "memory") as Memory;
  }

  /**
   * The exported tag `name`.
   *
   * @throws {ExportNotFoundError} when there is no export `name`, or it is not a tag.
   */
  tag(name: string): Tag {
    return this.#get(name, "tag") as Tag;
  }

  #get(name: string, kind: ExportKind): Extern {
    const e = this.#exports.get(name);
    const actual = e === undefined ? undefined : externTypeOf(e).kind;
    if (actual === kind) return e as Extern;
    throw new ExportNotFoundError(name, kind, actual, [...this.#exports.keys()]);
  }
}

/**
 * The import object for instantiating `module` in `store` with `imports`, after checking them.
 *
 * @throws {StoreMismatchError} when the module's engine or an item's store is another.
 * @throws {TypeMismatchError} when `imports` is not an array.
 * @throws {LinkError} naming the first import missing or whose item does not match its type.
 * @throws {ArityMismatchError} when there are more items than imports.
 */
function importObjectOf(
  store: Store,
  module: Module,
  imports: readonly Extern[],
): WebAssembly.Imports {
  if (module.engine !== store.engine) {
    throw new StoreMismatchError("Instance: the module was compiled for another engine");
  }
  if (!Array.isArray(imports)) {
    throw new TypeMismatchError(
      "Instance imports",
      "an array of Func, Global, Table and Memory items, one per import",
      typeName(imports),
    );
  }
  const expected = module.imports();
  const missing = expected[imports.length];
  if (missing !== undefined) {
    throw new LinkError(
      missing.module,
      missing.name,
      `unknown import: expected ${externTypeText(missing.type)} (${expected.length} imports, got ${imports.length})`,
    );
  }
  if (imports.length > expected.length) {
    throw new ArityMismatchError("Instance", "imports", expected.length, imports.length);
  }
  const importObject: Record<string, Record<string, unknown>> = {};
  expected.forEach((imp, i) => {
    const item = imports[i] as Extern;
    const actual = importItemType(store, imp, item);
    if (!importMatches(imp.type, actual)) {
      throw new LinkError(
        imp.module,
        imp.name,
        `incompatible import type: expected ${externTypeText(imp.type)}, found ${externTypeText(actual)}`,
      );
    }
    const namespace = importObject[imp.module] ?? {};
    importObject[imp.module] = namespace;
    if (imp.name in namespace && namespace[imp.name] !== item.js) {
      throw new LinkError(imp.module, imp.name, "imported twice with different items");
    }
    namespace[imp.name] = item.js;
  });
  return importObject as WebAssembly.Imports;
}

/** Instantiates `module` with `imports` synchronously and returns the engine's exports. */
function instantiateSync(
  store: Store,
  module: Module,
  imports: readonly Extern[],
): WebAssembly.Exports {
  const importObject = importObjectOf(store, module, imports);
  noteInstantiation(store, module);
  try {
    return new WebAssembly.Instance(module.js, importObject).exports;
  } catch (error) {
    throw instantiationError(error);
  }
}

/**
 * What instantiation throws for the engine's `error`: a {@link LinkError} for the engine's
 * link error, a {@link Trap} for a trap in initialisation, anything else unchanged.
 */
function instantiationError(error: unknown): unknown {
  if (error instanceof WebAssembly.LinkError) {
    return new LinkError("", "", error.message, { cause: error });
  }
  return trapFromError(error);
}

function wrap(store: Store, exp: ExportType, exports: WebAssembly.Exports): Extern {
  const js = exports[exp.name] as object;
  const t = exp.type;
  if (t.kind === "func") return Func.fromWasm(store, js, t.type, exp.name);
  const known = store.knownExtern(js);
  if (known !== undefined) return known;
  let extern: Extern;
  if (t.kind === "table") extern = new Table(store, t.type, js as WebAssembly.Table);
  else if (t.kind === "tag") extern = new Tag(store, t.type, js);
  else extern = new Memory(store, t.type as MemoryType, js as WebAssembly.Memory);
  store.rememberExtern(extern);
  return extern;
}
