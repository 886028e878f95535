// The consumer check (`pnpm test:consumers`) as a test: each strategy package installed on its
// own from its tarball, outside the workspace, run as ES module and CommonJS and typechecked.
import { beforeAll, expect, it } from "vitest";
import { checkConsumers, type PackageResult } from "../src/check-consumers.js";
import { publishedPackages, repoRoot } from "../src/workspace.js";

const root = repoRoot();
let results: PackageResult[];

beforeAll(async () => {
  results = await checkConsumers({ root });
}, 300_000);

it.each(publishedPackages(root).map((pkg) => pkg.manifest.name))(
  "%s installs from its tarball and works on its own",
  (name) => {
    const result = results.find((r) => r.name === name);
    expect(result, `${name} was not checked`).toBeDefined();
    expect(result?.error).toBeUndefined();
    expect(result?.passed).toBe(true);
  },
);

it("runs, for each strategy package, both module systems, a bundle and every TypeScript resolution", () => {
  for (const result of results.filter((r) => r.projectDir !== undefined)) {
    expect(result.steps).toEqual([
      "attw",
      "npm install",
      "esm.mjs",
      "cjs.cjs",
      "esbuild bundle",
      "tsc -p tsconfig.json",
      "tsc -p tsconfig.node16.json",
      "tsc -p tsconfig.bundler.json",
    ]);
  }
  expect(results.filter((r) => r.projectDir !== undefined)).toHaveLength(4);
});
