import { type Engine, Module } from "@wasmcall/runtime";
import type { ModuleType, SpecCommand } from "./spec-format.js";
import type { SuiteSource } from "./suite-source.js";
import { assembleText, type Wabt } from "./text-assembler.js";

/**
 * What loading a module file gave: the compiled module, or the error of the stage that failed
 * (`text`: wabt refused the text; `compile`: the runtime refused the binary; `read`: the file
 * could not be read).
 */
export type Loaded =
  | { readonly ok: true; readonly module: Module }
  | { readonly ok: false; readonly stage: "read" | "text" | "compile"; readonly error: unknown };

/**
 * How module files are compiled: `async` with `Module.compile`, which a browser's main thread
 * needs (it refuses to compile large modules synchronously), or `sync` with `new Module`, which
 * costs less where blocking does not matter: compiling the suite's 3939 binary modules took
 * about 0.3 s of CPU time synchronously and 0.5 to 0.7 s asynchronously (Node 20, here).
 */
export type CompileMode = "async" | "sync";

/**
 * The modules of one script folder, each loaded and compiled once (by {@link loadAll}, before
 * the script runs) and shared by every strategy's run (a `Module` can be instantiated in any
 * store of its engine).
 */
export class ModuleCache {
  readonly #engine: Engine;
  readonly #source: SuiteSource;
  readonly #folder: string;
  readonly #wabt: Wabt;
  readonly #mode: CompileMode;
  readonly #loaded = new Map<string, Loaded>();

  /**
   * A cache for the module files of the suite's folder `folder`, compiled for `engine` as
   * `mode` says; text modules are assembled by `wabt` first.
   */
  constructor(engine: Engine, source: SuiteSource, folder: string, wabt: Wabt, mode: CompileMode) {
    this.#engine = engine;
    this.#source = source;
    this.#folder = folder;
    this.#wabt = wabt;
    this.#mode = mode;
  }

  /**
   * Loads every module file `commands` name (each once, in the format of the first command
   * naming it, all at once); a module whose text the converter's assembler refused is a
   * failure of the `text` stage. Never throws: a file that fails to load is cached as its
   * failure.
   */
  async loadAll(commands: readonly SpecCommand[]): Promise<void> {
    const pending = new Map<string, Promise<Loaded>>();
    for (const { filename, module_type: type, text_error: textError } of commands) {
      if (filename === undefined || this.#loaded.has(filename) || pending.has(filename)) continue;
      const loaded: Promise<Loaded> =
        textError === undefined
          ? this.#read(filename, type ?? "binary")
          : Promise.resolve({ ok: false, stage: "text", error: new Error(textError) });
      pending.set(filename, loaded);
    }
    // Read and compiled all at once: asynchronous compiles overlap.
    for (const [filename, loaded] of pending) this.#loaded.set(filename, await loaded);
  }

  /** The module in `filename`, as {@link loadAll} loaded it. */
  load(filename: string): Loaded {
    return (
      this.#loaded.get(filename) ?? {
        ok: false,
        stage: "read",
        error: new Error(`${this.#folder}/${filename} was not loaded before the script ran`),
      }
    );
  }

  async #read(filename: string, type: ModuleType): Promise<Loaded> {
    let bytes: Uint8Array;
    try {
      bytes = await this.#source.readBytes(`${this.#folder}/${filename}`);
    } catch (error) {
      return { ok: false, stage: "read", error };
    }
    if (type === "text") {
      try {
        bytes = assembleText(this.#wabt, filename, bytes);
      } catch (error) {
        return { ok: false, stage: "text", error };
      }
    }
    try {
      const module =
        this.#mode === "sync"
          ? new Module(this.#engine, bytes)
          : await Module.compile(this.#engine, bytes);
      return { ok: true, module };
    } catch (error) {
      return { ok: false, stage: "compile", error };
    }
  }
}
