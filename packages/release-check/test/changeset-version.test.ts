// `changeset version` run on a copy of the repository (package.json files, .changeset,
// pnpm-workspace.yaml): what a release would version, with the pinned @changesets/cli.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type BumpType,
  bumpVersion,
  copyForChangesets,
  largerBump,
  type PendingChangeset,
  pendingChangesets,
  runChangesetVersion,
} from "../src/changesets.js";
import {
  type PackageManifest,
  publishedPackages,
  readManifest,
  repoRoot,
  workspacePackages,
} from "../src/workspace.js";

const root = repoRoot();
const packages = workspacePackages(root);
const published = publishedPackages(root);
const publishedNames = published.map((pkg) => pkg.manifest.name);
const config = JSON.parse(readFileSync(join(root, ".changeset", "config.json"), "utf8"));

/** Whitespace collapsed: changelogs indent the continuation lines of a summary. */
const flat = (text: string): string => text.replace(/\s+/g, " ").trim();

/** The one version the published packages share. */
function sharedVersion(): string {
  const versions = new Set(published.map((pkg) => pkg.manifest.version));
  expect([...versions]).toHaveLength(1);
  return [...versions][0] as string;
}

/** The largest bump that `changesets` ask of any published package, if any. */
function largestBump(changesets: readonly PendingChangeset[]): BumpType | undefined {
  let largest: BumpType | undefined;
  for (const changeset of changesets) {
    for (const [name, type] of Object.entries(changeset.releases)) {
      if (publishedNames.includes(name)) largest = largest ? largerBump(largest, type) : type;
    }
  }
  return largest;
}

const sandboxes: string[] = [];

/** A fresh copy of what changesets reads, in the system's temporary folder. */
async function sandbox(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "wasmcall-changesets-"));
  sandboxes.push(dir);
  await copyForChangesets(root, dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The repository's files that `changeset version` would change, as they are now. */
function repositorySnapshot(): Record<string, string> {
  const snapshot: Record<string, string> = {};
  for (const dir of [root, ...packages.map((pkg) => pkg.dir)]) {
    for (const file of ["package.json", "CHANGELOG.md"]) {
      const path = join(dir, file);
      if (existsSync(path)) snapshot[path] = readFileSync(path, "utf8");
    }
  }
  return snapshot;
}

let before: Record<string, string>;
let changesetFiles: string[];
beforeAll(async () => {
  before = repositorySnapshot();
  changesetFiles = (await readdir(join(root, ".changeset"))).sort();
});

afterAll(async () => {
  // The runs above worked on copies: the repository is as it was.
  expect(repositorySnapshot()).toEqual(before);
  expect((await readdir(join(root, ".changeset"))).sort()).toEqual(changesetFiles);
});

describe(".changeset/config.json", () => {
  it("releases every published package, and only those, together, publicly", () => {
    expect(config.fixed).toHaveLength(1);
    expect([...config.fixed[0]].sort()).toEqual([...publishedNames].sort());
    expect(config.linked).toEqual([]);
    expect(config.access).toBe("public");
    expect(config.updateInternalDependencies).toBe("patch");
    expect(config.privatePackages).toEqual({ version: false, tag: false });
    expect(config.commit).toBe(false);
  });

  it("has pending changesets that name published packages only", async () => {
    for (const changeset of await pendingChangesets(root)) {
      for (const name of Object.keys(changeset.releases)) {
        expect(publishedNames, `.changeset/${changeset.id}.md`).toContain(name);
      }
      expect(changeset.summary.length, `.changeset/${changeset.id}.md`).toBeGreaterThan(20);
    }
  });
});

describe("changeset version, on a copy of the repository", () => {
  it("versions the pending changesets: one new version for all, dependencies and changelogs", async () => {
    const pending = await pendingChangesets(root);
    const current = sharedVersion();
    const bump = largestBump(pending);
    const expected = bump === undefined ? current : bumpVersion(current, bump);
    const dir = await sandbox();

    await runChangesetVersion(root, dir);

    for (const pkg of published) {
      const after = readManifest(join(dir, pkg.path));
      expect(after.version, pkg.manifest.name).toBe(expected);
      for (const [name, range] of Object.entries(after.dependencies ?? {})) {
        // pnpm publishes `workspace:*` as the exact version packed with it (test:consumers).
        if (publishedNames.includes(name))
          expect(range, `${after.name} -> ${name}`).toBe("workspace:*");
      }
      if (bump === undefined) continue;
      const changelog = flat(await readFile(join(dir, pkg.path, "CHANGELOG.md"), "utf8"));
      expect(changelog).toContain(`# ${pkg.manifest.name}`);
      expect(changelog).toContain(`## ${expected}`);
      for (const changeset of pending) {
        if (pkg.manifest.name in changeset.releases) {
          expect(changelog, `${pkg.manifest.name}: ${changeset.id}`).toContain(
            flat(changeset.summary),
          );
        }
      }
    }
    for (const pkg of packages.filter((p) => p.manifest.private === true)) {
      expect(readManifest(join(dir, pkg.path)), pkg.path).toEqual(pkg.manifest);
      expect(existsSync(join(dir, pkg.path, "CHANGELOG.md")), pkg.path).toBe(false);
    }
    const left = (await readdir(join(dir, ".changeset"))).filter((f) => f.endsWith(".md"));
    expect(left, "the changesets are consumed").toEqual(["README.md"]);
  });

  it("bumps every published package when a changeset names one of them", async () => {
    const dir = await sandbox();
    for (const changeset of await pendingChangesets(root)) {
      await rm(join(dir, ".changeset", `${changeset.id}.md`));
    }
    const summary = "Func.call checks its arguments before it touches the store.";
    await writeFile(
      join(dir, ".changeset", "runtime-fix.md"),
      `---\n"@wasmcall/runtime": patch\n---\n\n${summary}\n`,
    );
    const expected = bumpVersion(sharedVersion(), "patch");

    await runChangesetVersion(root, dir);

    const read = (path: string): PackageManifest => readManifest(join(dir, path));
    const changelog = async (path: string) =>
      flat(await readFile(join(dir, path, "CHANGELOG.md"), "utf8"));
    for (const pkg of published) expect(read(pkg.path).version, pkg.path).toBe(expected);
    const runtime = published.find((pkg) => pkg.manifest.name === "@wasmcall/runtime");
    expect(await changelog(runtime?.path ?? "")).toContain(
      `## ${expected} ### Patch Changes - ${summary}`,
    );
    for (const pkg of published) {
      if (!Object.hasOwn(pkg.manifest.dependencies ?? {}, "@wasmcall/runtime")) continue;
      expect(await changelog(pkg.path), pkg.path).toContain(`@wasmcall/runtime@${expected}`);
    }
  });
});
