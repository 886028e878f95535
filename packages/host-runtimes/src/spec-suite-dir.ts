import { resolve } from "node:path";

/**
 * The WebAssembly spec testsuite folder (wast2json output) that the spec runs read and mount,
 * in any runtime: `WASM_SPEC_DIR` from `env`, else `../shared/wasm-spec-2.0`, either read from
 * `repoRoot`. It may not exist; the caller says so.
 *
 * @example
 * ```ts
 * specSuiteDir(process.env, findRepoRoot(here)); // "/work/shared/wasm-spec-2.0" for /work/main
 * ```
 */
export function specSuiteDir(
  env: Readonly<Record<string, string | undefined>>,
  repoRoot: string,
): string {
  return resolve(repoRoot, env.WASM_SPEC_DIR || "../shared/wasm-spec-2.0");
}
