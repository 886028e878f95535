// Bundles the package in the current directory with esbuild, dependencies left external.
//
//   node build-package.mjs          a library: src/index.ts -> dist/index.js (ESM for any
//                                   runtime); its build script then emits dist/*.d.ts with tsc
//   node build-package.mjs --cjs    a published library: the same, plus dist/cjs/index.js
//                                   (CommonJS), dist/cjs/package.json marking that folder
//                                   CommonJS, and the declarations emitted by tsc into dist and
//                                   again into dist/cjs, where TypeScript reads them as CommonJS
//   node build-package.mjs --app    an app: src/main.ts -> dist/main.js (ESM for Node)
import { spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const app = process.argv.includes("--app");
const cjs = process.argv.includes("--cjs");
if (app && cjs) throw new Error("build-package: --app and --cjs exclude each other");

/** Runs tsc (the package's own, from its node_modules/.bin) with `args`; exits when it fails. */
function tsc(args) {
  const bin = join("node_modules", ".bin", "tsc");
  const result = spawnSync(bin, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (result.error) console.error(`build-package: cannot run ${bin}: ${result.error.message}`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync("dist", { recursive: true, force: true });
const common = {
  bundle: true,
  packages: "external",
  sourcemap: true,
  // Classes keep their names (`Val`, not `_Val`): error messages name the type of a value.
  keepNames: true,
};
if (app) {
  await build({
    ...common,
    entryPoints: ["src/main.ts"],
    outfile: "dist/main.js",
    format: "esm",
    platform: "node",
    target: "node20",
  });
} else {
  const library = {
    ...common,
    entryPoints: ["src/index.ts"],
    platform: "neutral",
    target: "es2022",
  };
  await build({ ...library, outfile: "dist/index.js", format: "esm" });
  if (cjs) {
    await build({ ...library, outfile: "dist/cjs/index.js", format: "cjs" });
    writeFileSync("dist/cjs/package.json", `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
    tsc(["-p", "tsconfig.build.json"]);
    tsc(["-p", "tsconfig.build.json", "--outDir", "dist/cjs"]);
  }
}
