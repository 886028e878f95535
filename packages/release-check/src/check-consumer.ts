import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import { BUNDLE_ENTRY, consumerFiles, SCRIPTS, TSCONFIGS } from "./consumer-files.js";
import type { PackedPackage } from "./pack.js";
import { runCommand } from "./run-command.js";
import type { StrategyUsage } from "./strategy-usage.js";

/** What {@link checkConsumer} needs besides the package. */
export interface ConsumerContext {
  /** The folder the consumer project is made in (it must not exist yet). */
  readonly projectDir: string;
  /** The tarballs to install: the strategy package and the workspace packages it depends on. */
  readonly tarballs: readonly PackedPackage[];
  /** The `tsc` executable to typecheck with. */
  readonly tsc: string;
  /** The npm cache every install shares. */
  readonly npmCache: string;
  /** Where each step that passed is recorded, in order, as it passes. */
  readonly steps: string[];
}

/**
 * Makes a consumer project of the strategy package `name` in `context.projectDir` (see
 * `consumerFiles`), installs the tarballs there with plain `npm install`, runs its ES module
 * and CommonJS scripts with this Node, bundles the ES module's call for browsers with esbuild
 * (as an app would) and runs the bundle, and typechecks its TypeScript files with every
 * tsconfig of `TSCONFIGS`, recording each step in `context.steps` as it passes.
 *
 * @throws {CommandError} (as a rejection) at the first step that fails: npm, a script or the
 * bundle (its error says what came out wrong), or tsc (its diagnostics).
 * @throws {Error} (as a rejection) when esbuild cannot bundle the entry (its messages).
 */
export async function checkConsumer(
  name: string,
  usage: StrategyUsage,
  context: ConsumerContext,
): Promise<void> {
  const cwd = context.projectDir;
  await mkdir(cwd);
  for (const [file, content] of Object.entries(consumerFiles(name, usage))) {
    await writeFile(join(cwd, file), content);
  }
  const { steps } = context;
  await runCommand(
    "npm",
    [
      "install",
      ...context.tarballs.map((packed) => packed.tarball),
      "--cache",
      context.npmCache,
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
    ],
    { cwd },
  );
  steps.push("npm install");
  for (const script of SCRIPTS) {
    await runCommand(process.execPath, [script], { cwd });
    steps.push(script);
  }
  await build({
    absWorkingDir: cwd,
    entryPoints: [BUNDLE_ENTRY],
    outfile: "bundle/bundle.mjs",
    bundle: true,
    format: "esm",
    platform: "browser",
    logLevel: "silent",
  });
  await runCommand(process.execPath, ["bundle/bundle.mjs"], { cwd });
  steps.push("esbuild bundle");
  for (const tsconfig of Object.keys(TSCONFIGS)) {
    await runCommand(context.tsc, ["-p", tsconfig], { cwd });
    steps.push(`tsc -p ${tsconfig}`);
  }
}
