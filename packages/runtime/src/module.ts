import type { FuncType } from "@wasmcall/core-types";
import { type Compiled, compileAsync, compileSync, type ModuleBytes } from "./compile.js";
import { compileStreaming } from "./compile-streaming.js";
import type { Engine } from "./engine.js";
import type { ExportType, ExternType, ImportType } from "./extern-type.js";
import { externTypeText } from "./extern-type-text.js";
import { withWatText } from "./wat-text.js";

export type { ModuleBytes } from "./compile.js";

/**
 * A compiled WebAssembly module, with the full types of its imports and exports (read from
 * the binary: the JavaScript API does not expose function types).
 *
 * Three ways to compile:
 * - `new Module(engine, bytes)`: synchronous. Chromium refuses it on a page's main thread for
 *   modules over 8 MiB (a `RangeError`); fine in workers and outside browsers.
 * - `await Module.compile(engine, bytes)`: the engine compiles without blocking the thread.
 * - `await Module.compileStreaming(engine, fetch(url))`: compiles while the bytes download.
 *
 * The engine compiles the caller's bytes as they are: a module compiles exactly when the
 * JavaScript engine would compile it (and every error's offsets are those of the caller's
 * bytes), except that it is also checked against the engine's {@link Engine.features}.
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
  /** The engine's compiled module, compiled from the caller's bytes as they are. */
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
   * Compiles `bytes` (a module in the binary format) synchronously.
   *
   * @throws {CompileError} when the bytes are malformed or invalid, or use a feature the
   * engine's {@link Engine.features} switch off.
   * @throws {RangeError} from the engine where it refuses to compile a large module
   * synchronously (Chromium, on a page's main thread): use {@link Module.compile} there.
   */
  constructor(engine: Engine, bytes: ModuleBytes);
  /** @internal Wraps a module compiled already. */
  constructor(engine: Engine, bytes: null, compiled: Compiled);
  constructor(engine: Engine, bytes: ModuleBytes | null, compiled?: Compiled) {
    const { info, js } = compiled ?? compileSync(bytes as ModuleBytes, engine.features);
    this.engine = engine;
    this.js = js;
    // Frozen all the way down: instances and linkers trust these types.
    // Each type prints as its WAT text (`String(exp.type)`, and `String(exp.type.type)` for a
    // global, table or memory, as a function's type prints itself).
    const intern = (t: ExternType): ExternType => {
      const text = externTypeText(t);
      return withWatText(
        t.kind === "func"
          ? { kind: "func", type: engine.intern(t.type) }
          : { kind: t.kind, type: withWatText({ ...t.type }, text) },
        text,
      ) as ExternType;
    };
    this.funcTypes = Object.freeze(info.funcTypes.map((t) => engine.intern(t)));
    this.exportIndices = Object.freeze([...info.exportIndices]);
    this.#imports = Object.freeze(
      info.imports.map((i) => Object.freeze({ ...i, type: intern(i.type) })),
    );
    this.#exports = Object.freeze(
      info.exports.map((e) => Object.freeze({ ...e, type: intern(e.type) })),
    );
    Object.freeze(this);
  }

  /**
   * Compiles `bytes` without blocking the thread: the engine compiles asynchronously (reading
   * the types from the binary is synchronous, and quick). Use it on a page's main thread,
   * where Chromium refuses to compile modules over 8 MiB synchronously.
   *
   * @throws {CompileError} (as a rejection) when the bytes are malformed or invalid, or use a
   * feature the engine's {@link Engine.features} switch off.
   *
   * @example
   * ```ts
   * const module = await Module.compile(engine, bytes);
   * ```
   */
  static async compile(engine: Engine, bytes: ModuleBytes): Promise<Module> {
    return new Module(engine, null, await compileAsync(bytes, engine.features));
  }

  /**
   * Compiles the module in the body of `source` (a `Response`, or a promise of one such as
   * `fetch(url)`) while it downloads, with `WebAssembly.compileStreaming`. The body passes to
   * the engine unchanged and the types are read from the sections as they pass. Where the
   * engine has no `compileStreaming`, the whole body is read, then compiled as
   * {@link Module.compile} does.
   *
   * The response must have an ok status; where the engine has `compileStreaming`, it must also
   * have the content type the engine insists on (`application/wasm`; the engine decides).
   *
   * @throws {CompileError} (as a rejection) when `source` is not a `Response` or a promise of
   * one, `source` rejects, the status is not ok, the body was read already, the engine refuses
   * the content type, the body fails or ends inside the module, or the bytes are malformed or
   * invalid or use a feature the engine's {@link Engine.features} switch off.
   *
   * @example
   * ```ts
   * const module = await Module.compileStreaming(engine, fetch("/app.wasm"));
   * // or from bytes at hand:
   * const headers = { "content-type": "application/wasm" };
   * const same = await Module.compileStreaming(engine, new Response(bytes, { headers }));
   * ```
   */
  static async compileStreaming(
    engine: Engine,
    source: Response | PromiseLike<Response>,
  ): Promise<Module> {
    return new Module(engine, null, await compileStreaming(source, engine.features));
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
