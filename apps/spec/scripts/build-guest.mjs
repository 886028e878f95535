// Builds dist/guest.js beside the command line's dist/main.js: the runner as one guest bundle of
// the host protocol (@wasmcall/host-runtimes, whose guest bundle options it is built with: ESM with
// no Node built-ins, so that it runs unchanged in Node, Bun, Deno and browsers); wabt is bundled
// through the test-support plugin that lets it run outside Node.
import { guestBundleOptions } from "@wasmcall/host-runtimes/guest-bundle";
import { wabtPlugin } from "@wasmcall/test-support/wabt-plugin";
import { build } from "esbuild";

await build({
  ...guestBundleOptions,
  entryPoints: ["src/guest.ts"],
  outfile: "dist/guest.js",
  // Classes keep their names: the runner prints error names (`Trap`, `CompileError`).
  keepNames: true,
  plugins: [wabtPlugin],
  logLevel: "warning",
});
