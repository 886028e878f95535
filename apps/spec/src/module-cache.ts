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
 * The modules of one script folder, each loaded and compiled once (by {@link loadAll}, before
 * the script runs) and shared by every strategy's run (a `Module` can be instantiated in any
 * store of its engine).
 */
export class ModuleCache {
  readonly #engine: Engine;
  readonly #source: SuiteSource;
  readonly #folder: string;
  readonly #wabt: Wabt;
  readonly #loaded = new Map<string, Loaded>();

  /** A cache for the module files of the suite's folder `folder`, compiled for `engine`. */
  constructor(engine: Engine, source: SuiteSource, folder: string, wabt: Wabt) {
    this.#engine = engine;
    this.#source = source;
    this.#folder = folder;
    this.#wabt = wabt;
  }

  /**
   * Loads every module file `commands` name (each once, in the format of the first command
   * naming it). Never throws: a file that fails to load is cached as its failure.
   */
  async loadAll(commands: readonly SpecCommand[]): Promise<void> {
    for (const { filename, module_type: type } of commands) {
      if (filename === undefined || this.#loaded.has(filename)) continue;
      this.#loaded.set(filename, await this.#read(filename, type ?? "binary"));
    }
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
      return { ok: true, module: await Module.compile(this.#engine, bytes) };
    } catch (error) {
      return { ok: false, stage: "compile", error };
    }
  }
}
