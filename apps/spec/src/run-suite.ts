import { Engine, WEBASSEMBLY_2_0 } from "@wasmcall/runtime";
import type { Invoker } from "./invoker.js";
import type { CompileMode } from "./module-cache.js";
import { runScript, type ScriptResult } from "./run-script.js";
import { listScripts, loadScript, suiteVersion } from "./suite.js";
import type { SuiteSource } from "./suite-source.js";
import { type FileResults, RunSummary } from "./summary.js";
import { loadWabt } from "./text-assembler.js";

/** What {@link runSuite} runs. */
export interface SuiteRun {
  /** The suite (wast2json output, or the 3.0 converter's: one folder per script). */
  readonly source: SuiteSource;
  /** The columns: each script runs under each of them. */
  readonly invokers: readonly Invoker[];
  /** Only these scripts, when not empty. */
  readonly only?: readonly string[];
  /**
   * How module files are compiled: `async` (the default; what a browser's main thread needs)
   * or `sync` (cheaper, for the command line).
   */
  readonly compile?: CompileMode;
  /** Told after each script, with its position, the count and how long it took (ms). */
  readonly onFile?: (file: FileResults, index: number, total: number, ms: number) => void;
}

/**
 * Runs every script of the suite under every invoker: one engine for the whole run (each
 * module compiled once, before its script runs), a fresh store and linker per invoker per
 * script.
 *
 * @throws {Error} (as a rejection) when the suite cannot be listed or a script's JSON cannot
 * be read.
 */
export async function runSuite(run: SuiteRun): Promise<RunSummary> {
  const names = await listScripts(run.source, run.only);
  const wabt = await loadWabt();
  const version = await suiteVersion(run.source);
  // The 2.0 suite's engine switches off what came later, which newer engines accept, so the
  // modules the suite calls invalid for using it are refused; the 3.0 suite's keeps it all.
  const engine = new Engine(version === "2.0" ? { features: WEBASSEMBLY_2_0 } : {});
  const summary = new RunSummary(run.invokers);
  for (const [index, name] of names.entries()) {
    const started = performance.now();
    const mode = run.compile ?? "async";
    const script = await loadScript(run.source, name, engine, wabt, mode, version);
    const results = new Map<string, ScriptResult>();
    for (const invoker of run.invokers) {
      results.set(invoker.name, runScript(script, invoker, engine));
    }
    const file = { name, commands: script.commands.length, results };
    summary.add(file);
    run.onFile?.(file, index, names.length, performance.now() - started);
  }
  return summary;
}
