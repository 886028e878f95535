// Bundles the package in the current directory: src/index.ts -> dist/index.js (ESM, by esbuild,
// dependencies left external). The package's build script then emits dist/*.d.ts with tsc.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/index.ts"],
  outfile: "dist/index.js",
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  packages: "external",
  sourcemap: true,
});
