import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Engine } from "@wasmcall/runtime";
import { HostRefs } from "./host-refs.js";
import { ModuleCache } from "./module-cache.js";
import type { Script } from "./run-script.js";
import type { SpecScript } from "./spec-format.js";
import type { Wabt } from "./text-assembler.js";

/**
 * The scripts in the suite folder `dir`: every subfolder `NAME` holding `NAME/NAME.json`,
 * sorted by name; only those named in `only` when it is not empty.
 *
 * @throws {Error} when `dir` cannot be read, or a name in `only` is not a script of it.
 */
export function listScripts(dir: string, only: readonly string[] = []): string[] {
  const names = readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(dir, entry.name, `${entry.name}.json`)),
    )
    .map((entry) => entry.name)
    .sort();
  if (only.length === 0) return names;
  const missing = only.filter((name) => !names.includes(name));
  if (missing.length > 0) throw new Error(`no such script in ${dir}: ${missing.join(", ")}`);
  return names.filter((name) => only.includes(name));
}

/**
 * Reads the script `name` of the suite folder `dir`; its modules will be compiled for
 * `engine`, its text modules assembled by `wabt`.
 *
 * @throws {Error} when the JSON cannot be read or parsed.
 */
export function loadScript(dir: string, name: string, engine: Engine, wabt: Wabt): Script {
  const folder = join(dir, name);
  const json = JSON.parse(readFileSync(join(folder, `${name}.json`), "utf8")) as SpecScript;
  return {
    name,
    source: `${name}/${json.source_filename}`,
    commands: json.commands,
    modules: new ModuleCache(engine, folder, wabt),
    refs: new HostRefs(),
  };
}
