// Builds dist/wat.js: `wat` alone, without the Node-only README runner, for bundles that run
// outside Node (the package's `browser` export condition points there).
import { build } from "esbuild";

await build({
  entryPoints: ["src/wat.ts"],
  outfile: "dist/wat.js",
  bundle: true,
  packages: "external",
  format: "esm",
  platform: "neutral",
  target: "es2022",
  sourcemap: true,
});
