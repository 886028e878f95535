import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The repository root: the nearest folder at or above `from` holding `pnpm-workspace.yaml`.
 *
 * @throws {Error} when there is none.
 * @example
 * ```ts
 * const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
 * ```
 */
export function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml at or above ${from}`);
  }
}
