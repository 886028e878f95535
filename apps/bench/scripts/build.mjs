// Bundles the app: src/main.ts -> dist/main.js (ESM for Node, by esbuild, packages left external
// so that the workspace's strategies, mitata and wabt load from node_modules).
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/main.ts"],
  outfile: "dist/main.js",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
});
