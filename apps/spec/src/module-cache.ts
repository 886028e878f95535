import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Engine, Module } from "@wasmcall/runtime";
import type { ModuleType } from "./spec-format.js";
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
 * The modules of one script folder, each loaded and compiled once and shared by every
 * strategy's run (a `Module` can be instantiated in any store of its engine).
 */
export class ModuleCache {
  readonly #engine: Engine;
  readonly #dir: string;
  readonly #wabt: Wabt;
  readonly #loaded = new Map<string, Loaded>();

  /** A cache for the module files in `dir`, compiled for `engine`; text goes through `wabt`. */
  constructor(engine: Engine, dir: string, wabt: Wabt) {
    this.#engine = engine;
    this.#dir = dir;
    this.#wabt = wabt;
  }

  /** The module in `filename` (of format `type`), loaded on first use. */
  load(filename: string, type: ModuleType = "binary"): Loaded {
    let loaded = this.#loaded.get(filename);
    if (loaded === undefined) {
      loaded = this.#read(filename, type);
      this.#loaded.set(filename, loaded);
    }
    return loaded;
  }

  #read(filename: string, type: ModuleType): Loaded {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(this.#dir, filename));
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
      return { ok: true, module: new Module(this.#engine, bytes) };
    } catch (error) {
      return { ok: false, stage: "compile", error };
    }
  }
}
