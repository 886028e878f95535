import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkTypesResolution } from "./attw.js";
import { checkConsumer } from "./check-consumer.js";
import { installTool } from "./install-tool.js";
import { checkPackedDependencies, type PackedPackage, packPackage } from "./pack.js";
import { pnpmLauncher } from "./pnpm.js";
import { STRATEGY_USAGE } from "./strategy-usage.js";
import {
  publishedPackages,
  readManifest,
  type WorkspacePackage,
  withWorkspaceDependencies,
} from "./workspace.js";

/** Options of {@link checkConsumers}. */
export interface CheckConsumersOptions {
  /** The repository root. */
  readonly root: string;
  /**
   * The strategy packages to check, by name; every one of `STRATEGY_USAGE` by default. The
   * workspace packages they depend on are checked with them.
   */
  readonly packages?: readonly string[];
  /**
   * Where the TypeScript install and the npm cache are kept between runs (a folder outside
   * the workspace). Default: `wasmcall-consumer-tools` in the system's temporary folder.
   */
  readonly toolsDir?: string;
}

/** The outcome of the checks of one package. */
export interface PackageResult {
  readonly name: string;
  readonly passed: boolean;
  /** The steps that passed, in order (all of them when the package passed). */
  readonly steps: readonly string[];
  /** Why it failed, when it did. */
  readonly error?: string;
  /** How long its checks took, from the end of packing to the last check, in milliseconds. */
  readonly ms: number;
  /** Its consumer project's folder (removed after a run where every package passed). */
  readonly projectDir?: string;
}

/**
 * Checks that each strategy package works when installed on its own from npm. Packs it and the
 * workspace packages it depends on with `pnpm pack` (each once), checks that the packed
 * packages depend on one another at the packed versions, and checks each tarball's types with
 * `checkTypesResolution`. Then, for each strategy package at once, makes a fresh consumer
 * project in a new folder of the system's temporary folder (outside the workspace), installs
 * the tarballs there with `npm install` and runs `checkConsumer`. TypeScript (the version the
 * workspace pins) is installed once into `toolsDir` and reused; every install shares one npm
 * cache. The folder is removed afterwards unless a package failed.
 *
 * Resolves to one result per package: the dependencies first (types only), then the strategy
 * packages in the order asked. Without `packages`, every other published package (not a
 * strategy, nor a dependency of one: `@wasmcall/wat`) is packed and its types checked too.
 *
 * @throws {Error} (as a rejection) when a name is not a strategy package of `STRATEGY_USAGE`
 * or not published, or packing or the TypeScript install fails (no package can be checked
 * then).
 */
export async function checkConsumers(options: CheckConsumersOptions): Promise<PackageResult[]> {
  const names = options.packages ?? Object.keys(STRATEGY_USAGE);
  const published = publishedPackages(options.root);
  const unknown = names.filter((name) => STRATEGY_USAGE[name] === undefined);
  if (unknown.length > 0) {
    const known = Object.keys(STRATEGY_USAGE).join(", ");
    throw new Error(`not a strategy package: ${unknown.join(", ")} (known: ${known})`);
  }
  const unpublished = names.filter((name) => !published.some((p) => p.manifest.name === name));
  if (unpublished.length > 0) throw new Error(`not published: ${unpublished.join(", ")}`);
  // Every other published package (the text format package) is packed and its types checked,
  // as the strategies' dependencies are, when the whole set is checked.
  const others =
    options.packages === undefined
      ? published.filter((pkg) => STRATEGY_USAGE[pkg.manifest.name] === undefined)
      : [];
  const needed = new Set<WorkspacePackage>([
    ...names.flatMap((name) => withWorkspaceDependencies(name, published)),
    ...others,
  ]);
  const toolsDir = options.toolsDir ?? join(tmpdir(), "wasmcall-consumer-tools");
  const npmCache = join(toolsDir, "npm-cache");
  const typescript = String(readManifest(options.root).devDependencies?.typescript);
  const work = await mkdtemp(join(tmpdir(), "wasmcall-consumers-"));
  const pnpm = pnpmLauncher(options.root);
  const [packed, typescriptDir] = await Promise.all([
    Promise.all([...needed].map((pkg) => packPackage(pkg, work, pnpm))),
    installTool("typescript", typescript, toolsDir, npmCache),
  ]);
  checkPackedDependencies(packed);
  const byName = new Map(packed.map((p) => [p.name, p]));
  const tsc = join(typescriptDir, "node_modules", ".bin", "tsc");

  const check = async (pkg: PackedPackage): Promise<PackageResult> => {
    const start = performance.now();
    const steps: string[] = [];
    const usage = STRATEGY_USAGE[pkg.name];
    const projectDir =
      usage === undefined ? undefined : join(work, pkg.name.replace(/^@wasmcall\//, ""));
    let error: string | undefined;
    try {
      await checkTypesResolution(pkg.tarball);
      steps.push("attw");
      if (usage !== undefined && projectDir !== undefined) {
        const tarballs = withWorkspaceDependencies(pkg.name, published).map(
          (dependency) => byName.get(dependency.manifest.name) as PackedPackage,
        );
        await checkConsumer(pkg.name, usage, { projectDir, tarballs, tsc, npmCache, steps });
      }
    } catch (thrown) {
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    return {
      name: pkg.name,
      passed: error === undefined,
      steps,
      ms: performance.now() - start,
      ...(error === undefined ? {} : { error }),
      ...(projectDir === undefined ? {} : { projectDir }),
    };
  };
  const results = await Promise.all(packed.map(check));
  if (results.every((result) => result.passed)) await rm(work, { recursive: true, force: true });
  return results;
}
