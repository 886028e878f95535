import type { Engine } from "@wasmcall/runtime";
import { HostRefs } from "./host-refs.js";
import { type CompileMode, ModuleCache } from "./module-cache.js";
import type { Script } from "./run-script.js";
import type { SpecScript, SuiteInfo, SuiteVersion } from "./spec-format.js";
import type { SuiteSource } from "./suite-source.js";
import type { Wabt } from "./text-assembler.js";

/**
 * The scripts of the suite: every folder `NAME` holding `NAME/NAME.json`, sorted by name; only
 * those named in `only` when it is not empty.
 *
 * @throws {Error} (as a rejection) when the suite cannot be listed, or a name in `only` is not
 * a script of it.
 */
export async function listScripts(
  source: SuiteSource,
  only: readonly string[] = [],
): Promise<string[]> {
  const files = new Set(await source.files());
  const folders = new Set([...files].map((file) => file.split("/")[0] as string));
  const names = [...folders].filter((name) => files.has(`${name}/${name}.json`)).sort();
  if (only.length === 0) return names;
  const missing = only.filter((name) => !names.includes(name));
  if (missing.length > 0) {
    throw new Error(`no such script in ${source.location}: ${missing.join(", ")}`);
  }
  return names.filter((name) => only.includes(name));
}

/**
 * The WebAssembly version of the suite: what its `suite.json` says (the 3.0 converter writes
 * one), else 2.0 (wast2json's folders have none).
 *
 * @throws {Error} (as a rejection) when the suite cannot be listed or `suite.json` read.
 */
export async function suiteVersion(source: SuiteSource): Promise<SuiteVersion> {
  if (!(await source.files()).includes("suite.json")) return "2.0";
  const info = (await source.readJson("suite.json")) as SuiteInfo;
  return info.version;
}

/**
 * Reads the script `name` of the suite and loads every module file it names: each compiled
 * for `engine` as `mode` says, text modules assembled by `wabt` first; `version` is the suite's.
 *
 * @throws {Error} (as a rejection) when the script's JSON cannot be read or parsed.
 */
export async function loadScript(
  source: SuiteSource,
  name: string,
  engine: Engine,
  wabt: Wabt,
  mode: CompileMode,
  version: SuiteVersion,
): Promise<Script> {
  const json = (await source.readJson(`${name}/${name}.json`)) as SpecScript;
  const modules = new ModuleCache(engine, source, name, wabt, mode);
  await modules.loadAll(json.commands);
  return {
    name,
    source: `${name}/${json.source_filename}`,
    commands: json.commands,
    modules,
    refs: new HostRefs(),
    version,
  };
}
