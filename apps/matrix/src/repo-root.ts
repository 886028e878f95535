import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The repository root: the nearest folder at or above `from` holding `pnpm-workspace.yaml`.
 *
 * @throws {Error} when there is none.
 */
export function findRepoRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml at or above ${from}`);
    dir = parent;
  }
}
