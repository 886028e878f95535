import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { runCommand } from "./run-command.js";

/** The path of the CLI of `@arethetypeswrong/cli`, the version this package pins. */
function attwCli(): string {
  const manifest = createRequire(import.meta.url).resolve("@arethetypeswrong/cli/package.json");
  return join(dirname(manifest), "dist", "index.js");
}

/**
 * Checks the types of the packed package `tarball` with Are The Types Wrong
 * (`@arethetypeswrong/cli`, profile "strict"): every entry point must resolve to types of the
 * right module system under TypeScript's node10, node16 (from CommonJS and from ESM) and
 * bundler resolution.
 *
 * @throws {CommandError} (as a rejection) when it finds a problem; the error holds its table.
 */
export async function checkTypesResolution(tarball: string): Promise<void> {
  await runCommand(
    process.execPath,
    [attwCli(), tarball, "--format", "ascii", "--no-emoji", "--no-color"],
    { cwd: dirname(tarball) },
  );
}
