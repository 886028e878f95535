import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { findRepoRoot } from "../repo-root.js";

/** The process runtimes that come from the runtimes project's npm packages. */
export type NpmRuntimeName = "node22" | "node24" | "node26" | "bun" | "deno";

/** Where each npm runtime's binary lies inside the runtimes project's `node_modules`. */
export const NPM_RUNTIME_BINARIES: Readonly<Record<NpmRuntimeName, string>> = {
  node22: "node22/bin/node",
  node24: "node24/bin/node",
  node26: "node26/bin/node",
  bun: "@oven/bun-linux-x64/bin/bun",
  deno: "@deno/linux-x64-glibc/deno",
};

/** The environment variable that points at another runtimes project folder. */
export const RUNTIMES_DIR_VARIABLE = "WASMCALL_RUNTIMES_DIR";

/**
 * The npm project holding the runtime binaries: `$WASMCALL_RUNTIMES_DIR` when set, else
 * `tools/runtimes` in the repository this package lies in (the nearest folder above it with a
 * `pnpm-workspace.yaml`).
 *
 * @throws {Error} when neither is there.
 */
export function runtimesDir(): string {
  const fromEnv = process.env[RUNTIMES_DIR_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== "") return resolve(fromEnv);
  const here = dirname(fileURLToPath(import.meta.url));
  try {
    return join(findRepoRoot(here), "tools", "runtimes");
  } catch {
    throw new Error(
      `no runtimes project: set ${RUNTIMES_DIR_VARIABLE} (nothing found above ${here})`,
    );
  }
}

/** The absolute path of `name`'s binary (which may not be installed yet). */
export function npmRuntimeBinary(name: NpmRuntimeName): string {
  return join(runtimesDir(), "node_modules", NPM_RUNTIME_BINARIES[name]);
}
