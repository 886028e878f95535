// What each published package declares, and what `npm pack` would put in it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../src/run-command.js";
import { publishedPackages, readManifest, repoRoot, workspacePackages } from "../src/workspace.js";

const root = repoRoot();
const rootManifest = readManifest(root);
const published = publishedPackages(root);
const names = published.map((pkg) => pkg.manifest.name);

/** The one repository every published package names (the first one's, checked to be a git URL). */
const REPOSITORY_URL = (published[0]?.manifest.repository as { url?: string } | undefined)?.url;

it("names one git repository for every published package", () => {
  expect(REPOSITORY_URL).toMatch(/^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
});

/**
 * The dependencies outside the workspace a published package may have, at an exact version:
 * the text format package's parser (wasm-tools, compiled to WebAssembly).
 */
const EXTERNAL_DEPENDENCIES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "@wasmcall/wat": { "@bytecodealliance/jco-transpile": "0.15.0" },
};

/** The exports map every published package has: ESM and CommonJS, each with its own types. */
const EXPORTS = {
  ".": {
    import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
    require: { types: "./dist/cjs/index.d.ts", default: "./dist/cjs/index.js" },
  },
  "./package.json": "./package.json",
};

/** What a published package may hold: built files, the CommonJS marker, README, LICENSE. */
const PACKED_FILE =
  /^(package\.json|README\.md|LICENSE|dist\/(cjs\/)?[\w/.-]+\.(js|js\.map|d\.ts)|dist\/cjs\/package\.json)$/;

/** What `npm pack` would put in each published package, by name (all packed at once). */
const packedFiles = new Map<string, string[]>();

beforeAll(async () => {
  const packed = await Promise.all(
    published.map(async (pkg): Promise<[string, string[]]> => {
      const { stdout } = await runCommand(
        "npm",
        ["pack", "--dry-run", "--json", "--ignore-scripts"],
        { cwd: pkg.dir },
      );
      const [{ files }] = JSON.parse(stdout) as [{ files: { path: string }[] }];
      return [pkg.manifest.name, files.map((file) => file.path).sort()];
    }),
  );
  for (const [name, files] of packed) packedFiles.set(name, files);
}, 120_000);

it("publishes the seven library packages; every other package is private", () => {
  expect([...names].sort()).toEqual([
    "@wasmcall/core-types",
    "@wasmcall/runtime",
    "@wasmcall/strategy-baseline",
    "@wasmcall/strategy-funcstorage",
    "@wasmcall/strategy-store-amortized",
    "@wasmcall/typed-func",
    "@wasmcall/wat",
  ]);
  for (const pkg of workspacePackages(root)) {
    if (!names.includes(pkg.manifest.name)) expect(pkg.manifest.private, pkg.path).toBe(true);
  }
});

describe.each(published)("$manifest.name", (pkg) => {
  const manifest = pkg.manifest;

  it("declares what npm shows and needs", () => {
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(String(manifest.description).length).toBeGreaterThan(20);
    expect(manifest.license).toBe("MIT");
    expect(manifest.keywords).toEqual(expect.arrayContaining(["webassembly", "wasm"]));
    expect(manifest.repository).toEqual({ type: "git", url: REPOSITORY_URL, directory: pkg.path });
    expect(manifest.engines).toEqual(rootManifest.engines);
    expect(manifest.publishConfig).toEqual({ access: "public" });
  });

  it("exports an ES module and a CommonJS build, each with its types, and nothing else", () => {
    expect(manifest.type).toBe("module");
    expect(manifest.sideEffects).toBe(false);
    expect(manifest.exports).toEqual(EXPORTS);
    expect(manifest.main).toBe("./dist/cjs/index.js");
    expect(manifest.types).toBe("./dist/cjs/index.d.ts");
    expect(manifest.files).toEqual(["dist"]);
    for (const target of ["index.js", "index.d.ts", "cjs/index.js", "cjs/index.d.ts"]) {
      expect(existsSync(join(pkg.dir, "dist", target)), target).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(pkg.dir, "dist/cjs/package.json"), "utf8"))).toEqual({
      type: "commonjs",
    });
  });

  it("depends on workspace packages at the version released with it, and others pinned", () => {
    const external = EXTERNAL_DEPENDENCIES[manifest.name] ?? {};
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (name in external) {
        expect(range, `${manifest.name} -> ${name}`).toBe(external[name]);
        continue;
      }
      expect(names, `${manifest.name} -> ${name}`).toContain(name);
      expect(range, `${manifest.name} -> ${name}`).toBe("workspace:*");
    }
  });

  it("holds the repository's LICENSE and a README that says how to install it", () => {
    expect(readFileSync(join(pkg.dir, "LICENSE"), "utf8")).toBe(
      readFileSync(join(root, "LICENSE"), "utf8"),
    );
    const readme = readFileSync(join(pkg.dir, "README.md"), "utf8");
    expect(readme).toMatch(/^## Install$/m);
    expect(readme).toContain(`npm install ${manifest.name}`);
  });

  it("packs only its built files, README, LICENSE and package.json", () => {
    const paths = packedFiles.get(manifest.name) ?? [];
    expect(paths.filter((path) => !PACKED_FILE.test(path))).toEqual([]);
    expect(paths).toEqual(
      expect.arrayContaining([
        "LICENSE",
        "README.md",
        "package.json",
        "dist/index.js",
        "dist/index.d.ts",
        "dist/cjs/index.js",
        "dist/cjs/index.d.ts",
        "dist/cjs/package.json",
      ]),
    );
    // The CommonJS folder mirrors every declaration file.
    const declarations = paths.filter((path) => path.endsWith(".d.ts"));
    const esm = declarations.filter((path) => !path.startsWith("dist/cjs/"));
    expect(declarations.filter((path) => path.startsWith("dist/cjs/")).sort()).toEqual(
      esm.map((path) => path.replace("dist/", "dist/cjs/")).sort(),
    );
  });
});
