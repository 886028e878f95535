// Keeps the repository README's Install, Choosing a strategy and Releasing sections true: the
// packages they name are published, the figures they cite are the comparison's, and the
// versions and commands they give are the workspace's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publishedPackages, readManifest, repoRoot } from "../src/workspace.js";

const root = repoRoot();
const readme = readFileSync(join(root, "README.md"), "utf8");
const rootManifest = readManifest(root);
const published = publishedPackages(root).map((pkg) => pkg.manifest.name);

/** The text of the section `## title`, up to the next `## ` heading. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, `README.md has no section "${title}"`).toBeGreaterThan(-1);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** The rows of the first Markdown table in `text`, as trimmed cells, header first. */
function table(text: string): string[][] {
  const all = text.split("\n");
  const start = all.findIndex((line) => line.startsWith("|"));
  const end = all.findIndex((line, i) => i > start && !line.startsWith("|"));
  const lines = start === -1 ? [] : all.slice(start, end === -1 ? undefined : end);
  return lines
    .filter((line) => !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim()),
    );
}

describe("Install", () => {
  it("installs published packages, the ones the README's example imports", () => {
    const line = /^npm install (.+)$/m.exec(section("Install"))?.[1] ?? "";
    const installed = line.split(" ");
    for (const name of installed) expect(published).toContain(name);
    const imported = [...section("Example").matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    expect(imported.length).toBeGreaterThan(0);
    for (const name of imported) expect(installed).toContain(name);
  });
});

describe("Choosing a strategy", () => {
  it("cites the comparison's ratios, for the package each row names", () => {
    const [header, ...rows] = table(section("Results: the comparison"));
    const results = new Map(rows.map((row) => [row[0], row]));
    const choices = table(section("Choosing a strategy")).slice(1);
    expect(choices).toHaveLength(4);
    for (const [, pkg, ratios] of choices) {
      const name = /`([^`]+)`/.exec(pkg ?? "")?.[1] ?? "";
      expect(published).toContain(name);
      const column = header?.indexOf(name.replace(/^@wasmcall\/(strategy-)?/, "")) ?? -1;
      expect(column, `no column for ${name} in the comparison`).toBeGreaterThan(0);
      const cited = [...(ratios ?? "").matchAll(/`([\w-]+)` ([\d.]+x)/g)];
      expect(cited.length, name).toBeGreaterThan(0);
      for (const [, workload, ratio] of cited) {
        const cell = results.get(workload)?.[column];
        expect(cell, `${name} on ${workload}: the comparison says ${cell}`).toContain(`(${ratio})`);
      }
    }
  });
});

describe("Releasing", () => {
  const text = section("Releasing");

  it("gives the versions the workspace pins", () => {
    expect(text).toContain(
      `\`@changesets/cli\` ${rootManifest.devDependencies?.["@changesets/cli"]}`,
    );
    const pnpm = String(rootManifest.packageManager);
    for (const match of text.matchAll(/pnpm@[\d.]+/g)) expect(match[0]).toBe(pnpm);
    expect(text).toContain(`Node ${String(rootManifest.engines?.node).replace(">=", "")} or later`);
  });

  it("runs scripts the root package.json has", () => {
    const scripts = Object.keys(rootManifest.scripts ?? {});
    for (const script of ["changeset", "release", "test", "test:consumers"]) {
      expect(scripts).toContain(script);
    }
  });
});
