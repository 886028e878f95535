import { statSync } from "node:fs";
import { fileSource } from "../file-source.js";
import { listScripts } from "../suite.js";
import { convertSuite, wastScripts } from "./convert-suite.js";

/**
 * The folder the runner reads for the suite in `dir`: `dir` itself when it holds converted
 * scripts (wast2json's `NAME/NAME.json` folders, as the 2.0 suite does) or does not exist (the
 * runner says so); when it holds `.wast` scripts only (the 3.0 suite as published), their
 * conversion, made once and cached (see {@link convertSuite}).
 *
 * @example
 * ```ts
 * const folder = await prepareSuite("../shared/wasm-spec-3.0"); // "/tmp/wasmcall-spec/5f7f..."
 * ```
 * @throws {WastSyntaxError} (as a rejection) for a script that does not parse.
 */
export async function prepareSuite(dir: string, cacheDir?: string): Promise<string> {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return dir;
  if ((await listScripts(fileSource(dir))).length > 0) return dir;
  if (wastScripts(dir).length === 0) return dir;
  return convertSuite(dir, cacheDir);
}
