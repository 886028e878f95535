// Bundles the package in the current directory with esbuild, dependencies left external:
// a library's src/index.ts -> dist/index.js (ESM for any runtime; its build script then emits
// dist/*.d.ts with tsc), or with --app an app's src/main.ts -> dist/main.js (ESM for Node).
import { rmSync } from "node:fs";
import { build } from "esbuild";

const app = process.argv.includes("--app");
rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: [app ? "src/main.ts" : "src/index.ts"],
  outfile: app ? "dist/main.js" : "dist/index.js",
  bundle: true,
  format: "esm",
  platform: app ? "node" : "neutral",
  target: app ? "node20" : "es2022",
  packages: "external",
  sourcemap: true,
});
