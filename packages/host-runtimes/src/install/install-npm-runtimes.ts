import { existsSync } from "node:fs";
import { join } from "node:path";
import { RuntimeUnavailableError } from "../errors/runtime-unavailable-error.js";
import { lastLines, runCommand } from "./run-command.js";
import { type NpmRuntimeName, runtimesDir } from "./runtimes-project.js";

let installing: Promise<void> | undefined;

/** The environment for npm: this process's, without the `npm_config_*` a package manager set. */
function npmEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.toLowerCase().startsWith("npm_config_")) env[key] = value;
  }
  return env;
}

async function install(name: NpmRuntimeName): Promise<void> {
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
}

/**
 * Installs the runtimes project's exact packages (`npm ci` from its package-lock.json, install
 * scripts off: every binary is used from its own package). One install at a time: a second
 * caller waits for the running one.
 *
 * @throws {RuntimeUnavailableError} for `name` when npm cannot be run or fails.
 */
export async function installNpmRuntimes(name: NpmRuntimeName): Promise<void> {
  installing ??= install(name).finally(() => {
    installing = undefined;
  });
  await installing;
}
