import { cp, mkdir, readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { runCommand } from "./run-command.js";
import { readManifest, workspacePackages } from "./workspace.js";

/** A semver bump a changeset asks for. */
export type BumpType = "patch" | "minor" | "major";

/** A changeset waiting in `.changeset/`: what it bumps and what it says. */
export interface PendingChangeset {
  /** Its file name, without `.md`. */
  readonly id: string;
  /** The bump each package it names gets, by package name. */
  readonly releases: Readonly<Record<string, BumpType>>;
  /** Its text, which `changeset version` writes into the changelogs. */
  readonly summary: string;
}

const ORDER: readonly BumpType[] = ["patch", "minor", "major"];

/** The larger of two bumps (`major` > `minor` > `patch`). */
export function largerBump(a: BumpType, b: BumpType): BumpType {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/**
 * `version` (`major.minor.patch`) bumped by `type`, as semver and changesets do.
 *
 * @throws {Error} when `version` is not three numbers.
 *
 * @example
 * ```ts
 * bumpVersion("0.1.3", "minor"); // "0.2.0"
 * ```
 */
export function bumpVersion(version: string, type: BumpType): string {
  const parts = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)?.slice(1).map(Number);
  if (parts === undefined) throw new Error(`not a major.minor.patch version: ${version}`);
  const [major, minor, patch] = parts as [number, number, number];
  if (type === "major") return `${major + 1}.0.0`;
  if (type === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;
const RELEASE_LINE = /^\s*["']?([^"':\s]+)["']?\s*:\s*(patch|minor|major)\s*$/;

/**
 * Parses a changeset file: YAML front matter of `"package": bump` lines, then the summary.
 *
 * @throws {Error} when the text has no front matter or a line of it is not a release.
 */
export function parseChangeset(id: string, text: string): PendingChangeset {
  const match = FRONT_MATTER.exec(text);
  if (match === null) throw new Error(`.changeset/${id}.md has no front matter`);
  const releases: Record<string, BumpType> = {};
  for (const line of (match[1] as string).split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const release = RELEASE_LINE.exec(line);
    if (release === null) throw new Error(`.changeset/${id}.md: not a release: ${line}`);
    releases[release[1] as string] = release[2] as BumpType;
  }
  return { id, releases, summary: (match[2] as string).trim() };
}

/** The changesets waiting in `root`/.changeset (every `.md` file but README.md), by file name. */
export async function pendingChangesets(root: string): Promise<PendingChangeset[]> {
  const dir = join(root, ".changeset");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".md") && f !== "README.md").sort();
  return Promise.all(
    files.map(async (file) =>
      parseChangeset(file.slice(0, -3), await readFile(join(dir, file), "utf8")),
    ),
  );
}

/**
 * Copies into the empty folder `dest` what `changeset version` reads and writes, and nothing
 * else: the root package.json and pnpm-workspace.yaml, `.changeset/`, and each workspace
 * package's package.json and CHANGELOG.md (when it has one).
 */
export async function copyForChangesets(root: string, dest: string): Promise<void> {
  await cp(join(root, "package.json"), join(dest, "package.json"));
  await cp(join(root, "pnpm-workspace.yaml"), join(dest, "pnpm-workspace.yaml"));
  await cp(join(root, ".changeset"), join(dest, ".changeset"), { recursive: true });
  for (const pkg of workspacePackages(root)) {
    await mkdir(join(dest, pkg.path), { recursive: true });
    for (const file of ["package.json", "CHANGELOG.md"]) {
      await cp(join(pkg.dir, file), join(dest, pkg.path, file)).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      });
    }
  }
}

/**
 * Runs `changeset version` in `dir` (a copy made by {@link copyForChangesets}) with the
 * `@changesets/cli` that the workspace at `root` pins, on this Node.
 *
 * @throws {Error} when the installed @changesets/cli is not the pinned version.
 * @throws {CommandError} (as a rejection) when `changeset version` fails.
 */
export async function runChangesetVersion(root: string, dir: string): Promise<void> {
  const pinned = readManifest(root).devDependencies?.["@changesets/cli"];
  const requireFromRoot = createRequire(join(root, "package.json"));
  const cliDir = dirname(requireFromRoot.resolve("@changesets/cli/package.json"));
  const installed = readManifest(cliDir).version;
  if (installed !== pinned) {
    throw new Error(`@changesets/cli ${installed} is installed, the workspace pins ${pinned}`);
  }
  await runCommand(process.execPath, [join(cliDir, "bin.js"), "version"], { cwd: dir });
}
