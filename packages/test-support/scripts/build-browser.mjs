// Builds dist/browser.js: `wat` and the module fixtures, without the Node-only README runner,
// for bundles that run outside Node (the package's `browser` export condition points there).
import { build } from "esbuild";

await build({
  entryPoints: ["src/browser.ts"],
  outfile: "dist/browser.js",
  bundle: true,
  packages: "external",
  format: "esm",
  platform: "neutral",
  target: "es2022",
  sourcemap: true,
});
