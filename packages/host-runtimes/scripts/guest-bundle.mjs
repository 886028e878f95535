// The esbuild options of a guest bundle of the host protocol: one ES module with every
// dependency bundled in, built for the browser platform, so that it runs unchanged in Node,
// Bun, Deno, Chromium and Firefox, and an import of a Node built-in fails the build, not a run.

/**
 * The options every guest bundle is built with; add the entry point, the output file and what
 * the guest needs besides (plugins, `keepNames`...).
 *
 * @example
 * ```js
 * import { guestBundleOptions } from "@wasmcall/host-runtimes/guest-bundle";
 * import { build } from "esbuild";
 *
 * await build({ ...guestBundleOptions, entryPoints: ["src/guest.ts"], outfile: "dist/guest.js" });
 * ```
 */
export const guestBundleOptions = Object.freeze({
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  sourcemap: true,
});
