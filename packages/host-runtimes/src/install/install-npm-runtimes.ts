import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RuntimeUnavailableError } from "../errors/runtime-unavailable-error.js";
import { lastLines, runCommand } from "./run-command.js";
import { type NpmRuntimeName, runtimesDir } from "./runtimes-project.js";

/** The file, written after a complete install, that holds the hash of the lock file it installed. */
const MARKER = join("node_modules", ".installed-lock-hash");

function lockHash(dir: string): string {
  return createHash("sha256")
    .update(readFileSync(join(dir, "package-lock.json")))
    .digest("hex");
}

/**
 * Whether the runtimes project's packages are installed, completely, from its current lock file
 * (a binary alone may be there halfway through an install).
 */
export function npmRuntimesInstalled(): boolean {
  const dir = runtimesDir();
  const marker = join(dir, MARKER);
  if (!existsSync(marker) || !existsSync(join(dir, "package-lock.json"))) return false;
  return readFileSync(marker, "utf8") === lockHash(dir);
}

/** The environment for npm: this process's, without the `npm_config_*` a package manager set. */
function npmEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith("npm_config_")) env[key] = value;
  }
  return env;
}

/**
 * Installs the runtimes project's exact packages (`npm ci` from its package-lock.json, install
 * scripts off: every binary is used from its own package), then marks the install complete.
 *
 * @throws {RuntimeUnavailableError} for `name` when npm cannot be run or fails.
 */
export async function installNpmRuntimes(name: NpmRuntimeName): Promise<void> {
  const dir = runtimesDir();
  const args = ["ci", "--no-audit", "--no-fund", "--ignore-scripts"];
  const how = `run \`npm ${args.join(" ")}\` in ${dir}`;
  if (!existsSync(join(dir, "package-lock.json"))) {
    throw new RuntimeUnavailableError(name, `${dir} holds no package-lock.json to install from`);
  }
  const result = await runCommand("npm", args, { cwd: dir, env: npmEnvironment() }).catch(
    (error: unknown) => {
      throw new RuntimeUnavailableError(name, `npm could not be started; ${how}`, {
        cause: error,
      });
    },
  );
  if (result.code !== 0) {
    throw new RuntimeUnavailableError(
      name,
      `npm ci failed (exit code ${result.code}); ${how}:\n${lastLines(result.output)}`,
    );
  }
  writeFileSync(join(dir, MARKER), lockHash(dir));
}
