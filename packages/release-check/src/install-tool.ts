import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runCommand } from "./run-command.js";
import { readManifest } from "./workspace.js";

/**
 * A folder where `name@version` is installed by npm, made under `toolsDir` by the first call
 * and reused by every later one (in this run or the next): a consumer project calls the tool
 * from there instead of installing it again. The install goes to a fresh folder that is then
 * renamed into place, so concurrent calls never see half an install.
 *
 * @throws {CommandError} when npm fails.
 *
 * @example
 * ```ts
 * const dir = await installTool("typescript", "7.0.2", toolsDir, npmCache);
 * const tsc = join(dir, "node_modules", ".bin", "tsc");
 * ```
 */
export async function installTool(
  name: string,
  version: string,
  toolsDir: string,
  npmCache: string,
): Promise<string> {
  const dir = join(toolsDir, `${name.replace("/", "+")}@${version}`);
  if (installedVersion(dir, name) === version) return dir;
  await mkdir(toolsDir, { recursive: true });
  const fresh = await mkdtemp(join(toolsDir, "installing-"));
  await writeFile(join(fresh, "package.json"), `${JSON.stringify({ private: true })}\n`);
  await runCommand(
    "npm",
    ["install", `${name}@${version}`, "--cache", npmCache, "--no-audit", "--no-fund"],
    { cwd: fresh },
  );
  try {
    await rename(fresh, dir);
  } catch {
    // Another run finished first (keep its install), or an earlier one left a broken folder.
    if (installedVersion(dir, name) === version) {
      await rm(fresh, { recursive: true, force: true });
      return dir;
    }
    await rm(dir, { recursive: true, force: true });
    await rename(fresh, dir);
  }
  return dir;
}

/** The version of `name` installed in `dir`'s node_modules, if any. */
function installedVersion(dir: string, name: string): string | undefined {
  const packageDir = join(dir, "node_modules", name);
  return existsSync(join(packageDir, "package.json"))
    ? readManifest(packageDir).version
    : undefined;
}
