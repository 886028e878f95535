import { readManifest } from "./workspace.js";

/** A command and the arguments that come before pnpm's own. */
export interface Launcher {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * How to run the pnpm the repository at `root` pins (its package.json's `packageManager`):
 * the pnpm running this process when there is one (a script started by `pnpm run`), else
 * `npx --yes pnpm@<version>`.
 *
 * @throws {Error} when the root package.json pins no pnpm.
 */
export function pnpmLauncher(root: string): Launcher {
  const execPath = process.env.npm_execpath;
  if (execPath !== undefined && /pnpm/.test(execPath) && /\.c?js$/.test(execPath)) {
    return { command: process.execPath, args: [execPath] };
  }
  const pinned = /^pnpm@(.+)$/.exec(String(readManifest(root).packageManager ?? ""))?.[1];
  if (pinned === undefined) throw new Error(`${root}/package.json pins no pnpm (packageManager)`);
  return { command: "npx", args: ["--yes", `pnpm@${pinned}`] };
}
