// Builds dist/convert.js: the converter of a suite of `.wast` scripts (src/convert), for the
// runtime matrix, which runs the 3.0 suite in every runtime (ESM for Node, dependencies left
// external as in dist/main.js).
import { build } from "esbuild";

await build({
  entryPoints: ["src/convert/index.ts"],
  outfile: "dist/convert.js",
  bundle: true,
  packages: "external",
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  keepNames: true,
  logLevel: "warning",
});
