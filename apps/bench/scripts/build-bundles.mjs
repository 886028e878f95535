// Builds what the bench runs outside its Node entry point (dist/main.js, built by the shared
// build script), every dependency bundled in:
//   dist/guest.js           the guest every runtime runs, a guest bundle of the host protocol
//                           (@wasmcall/host-runtimes, whose guest bundle options it is built with)
//   dist/web/pass-worker.js the worker that makes one pass in a browser (classic script)
//   dist/web/page.js        the web page's script, and dist/web/index.html, its page
//   dist/serve-web.js       `pnpm bench:web`: serves the page (Node)
import { copyFileSync, mkdirSync } from "node:fs";
import { guestBundleOptions } from "@wasmcall/host-runtimes/guest-bundle";
import { build } from "esbuild";

const browser = { bundle: true, platform: "browser", target: "es2022", sourcemap: true };
await build({ ...guestBundleOptions, entryPoints: ["src/guest.ts"], outfile: "dist/guest.js" });
await build({
  ...browser,
  entryPoints: ["src/guest/pass-worker.ts"],
  outfile: "dist/web/pass-worker.js",
  format: "iife",
});
await build({
  ...browser,
  entryPoints: ["src/web/page.ts"],
  outfile: "dist/web/page.js",
  format: "esm",
});
mkdirSync("dist/web", { recursive: true });
copyFileSync("src/web/index.html", "dist/web/index.html");
await build({
  entryPoints: ["src/serve-web.ts"],
  outfile: "dist/serve-web.js",
  bundle: true,
  packages: "external",
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
});
