import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The fields of a package.json that the release checks read. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly scripts?: Readonly<Record<string, string>>;
  readonly engines?: Readonly<Record<string, string>>;
  readonly packageManager?: string;
  readonly [field: string]: unknown;
}

/** A package of the workspace: its folder and its package.json. */
export interface WorkspacePackage {
  /** The absolute path of the package's folder. */
  readonly dir: string;
  /** The package's folder relative to the repository root, with `/` (`packages/runtime`). */
  readonly path: string;
  readonly manifest: PackageManifest;
}

/** The folders that hold the workspace's packages, as pnpm-workspace.yaml lists them. */
const WORKSPACE_FOLDERS = ["packages", "apps"] as const;

/**
 * The repository root: the nearest folder above `from` (this module's folder by default) that
 * holds pnpm-workspace.yaml.
 *
 * @throws {Error} when no folder above holds one.
 */
export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

/** Reads and parses `dir`/package.json. */
export function readManifest(dir: string): PackageManifest {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as PackageManifest;
}

/** Every package of the workspace under `root` (the root package itself not included), by path. */
export function workspacePackages(root: string): WorkspacePackage[] {
  const found: WorkspacePackage[] = [];
  for (const folder of WORKSPACE_FOLDERS) {
    const parent = join(root, folder);
    if (!existsSync(parent)) continue;
    for (const name of readdirSync(parent).sort()) {
      const dir = join(parent, name);
      if (!existsSync(join(dir, "package.json"))) continue;
      found.push({ dir, path: `${folder}/${name}`, manifest: readManifest(dir) });
    }
  }
  return found;
}

/** The packages of the workspace under `root` that are published (not `private`). */
export function publishedPackages(root: string): WorkspacePackage[] {
  return workspacePackages(root).filter((pkg) => pkg.manifest.private !== true);
}

/**
 * `pkg` and the workspace packages it needs at run time (its `dependencies` that are workspace
 * packages, and theirs), dependencies first.
 *
 * @throws {Error} when `pkg` names no package of `all`.
 */
export function withWorkspaceDependencies(
  name: string,
  all: readonly WorkspacePackage[],
): WorkspacePackage[] {
  const byName = new Map(all.map((pkg) => [pkg.manifest.name, pkg]));
  const ordered: WorkspacePackage[] = [];
  const visit = (current: string): void => {
    const pkg = byName.get(current);
    if (pkg === undefined) throw new Error(`${current} is not a package of the workspace`);
    if (ordered.includes(pkg)) return;
    for (const dependency of Object.keys(pkg.manifest.dependencies ?? {})) {
      if (byName.has(dependency)) visit(dependency);
    }
    ordered.push(pkg);
  };
  visit(name);
  return ordered;
}
