import { CompileError, type FuncType } from "@wasmcall/core-types";
import { exportAllFunctions } from "./binary/export-all-functions.js";
import { type ModuleInfo, readModule } from "./binary/read-module.js";
import type { Engine } from "./engine.js";
import type { ExportType, ExternType, ImportType } from "./extern-type.js";

/** The bytes of a module in the binary format: any buffer or view of one. */
export type ModuleBytes = ArrayBuffer | ArrayBufferView;

/**
 * The prefix of the extra exports the runtime adds to every module it compiles: function `i`
 * is also exported as `${HIDDEN_EXPORT_PREFIX}${i}`, so that every function object an instance
 * hands out (from a table, a funcref result) can be recognised and given its type. These
 * exports never show in {@link Module.exports} or an instance's exports.
 */
export const HIDDEN_EXPORT_PREFIX = "\u0000wasmcall:func:";

/**
 * A compiled WebAssembly module, with the full types of its imports and exports (read from
 * the binary: the JavaScript API does not expose function types).
 *
 * Compile synchronously with the constructor, or asynchronously with {@link Module.compile}
 * (browsers refuse synchronous compilation of large modules on the main thread).
 *
 * @example
 * ```ts
 * const module = new Module(engine, bytes);
 * for (const e of module.exports()) console.log(e.name, e.type.kind);
 * ```
 */
export class Module {
  /** The engine the module is compiled for. */
  readonly engine: Engine;
  /** The engine's compiled module (with the hidden exports added). */
  readonly js: WebAssembly.Module;
  /** The type of every function index (imports first), interned in the engine. */
  readonly funcTypes: readonly FuncType[];
  /**
   * For each export, in order, the index of the item it exports within its kind's index space
   * (imports first).
   */
  readonly exportIndices: readonly number[];
  readonly #imports: readonly ImportType[];
  readonly #exports: readonly ExportType[];

  /**
   * Compiles `bytes` (a module in the binary format).
   *
   * @throws {CompileError} when the bytes are malformed or invalid.
   */
  constructor(engine: Engine, bytes: ModuleBytes);
  /** @internal Wraps a module {@link Module.compile} compiled already. */
  constructor(engine: Engine, bytes: ModuleBytes, compiled: Compiled);
  constructor(engine: Engine, bytes: ModuleBytes, compiled?: Compiled) {
    const { info, js } = compiled ?? compileSync(bytes);
    this.engine = engine;
    this.js = js;
    const intern = (t: ExternType): ExternType =>
      t.kind === "func" ? { kind: "func", type: engine.intern(t.type) } : t;
    this.funcTypes = Object.freeze(info.funcTypes.map((t) => engine.intern(t)));
    this.exportIndices = info.exportIndices;
    this.#imports = Object.freeze(info.imports.map((i) => ({ ...i, type: intern(i.type) })));
    this.#exports = Object.freeze(info.exports.map((e) => ({ ...e, type: intern(e.type) })));
  }

  /**
   * Compiles `bytes` without blocking the thread.
   *
   * @throws {CompileError} (as a rejection) when the bytes are malformed or invalid.
   */
  static async compile(engine: Engine, bytes: ModuleBytes): Promise<Module> {
    const { info, augmented } = prepare(bytes);
    let js: WebAssembly.Module;
    try {
      js = await WebAssembly.compile(augmented);
    } catch (cause) {
      throw compileError(cause);
    }
    return new Module(engine, bytes, { info, js });
  }

  /** The module's imports, in order, with their full types. */
  imports(): readonly ImportType[] {
    return this.#imports;
  }

  /** The module's exports, in order, with their full types. */
  exports(): readonly ExportType[] {
    return this.#exports;
  }
}

/** A module compiled with its hidden exports, and what was read from its binary. */
interface Compiled {
  readonly info: ModuleInfo;
  readonly js: WebAssembly.Module;
}

function compileSync(bytes: ModuleBytes): Compiled {
  const { info, augmented } = prepare(bytes);
  try {
    return { info, js: new WebAssembly.Module(augmented) };
  } catch (cause) {
    throw compileError(cause);
  }
}

function prepare(bytes: ModuleBytes): { info: ModuleInfo; augmented: Uint8Array<ArrayBuffer> } {
  const view = toBytes(bytes);
  let info: ModuleInfo;
  try {
    info = readModule(view);
  } catch (error) {
    try {
      new WebAssembly.Module(view);
    } catch (cause) {
      throw compileError(cause);
    }
    throw error;
  }
  return {
    info,
    augmented: exportAllFunctions(view, info, HIDDEN_EXPORT_PREFIX),
  };
}

function toBytes(bytes: ModuleBytes): Uint8Array<ArrayBuffer> {
  if (ArrayBuffer.isView(bytes)) {
    return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  }
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new CompileError(`expected the bytes of a module, got ${typeof bytes}`);
}

function compileError(cause: unknown): CompileError {
  if (cause instanceof CompileError) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new CompileError(message, { cause });
}
