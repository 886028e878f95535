// Bundles the guest entry src/guest.ts -> dist/guest.js (ESM, platform "browser": no Node
// built-ins, so it runs in every runtime), after the shared build script has built src/index.ts.
import { build } from "esbuild";

await build({
  entryPoints: ["src/guest.ts"],
  outfile: "dist/guest.js",
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  sourcemap: true,
});
