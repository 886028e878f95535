// Builds dist/guest.js: the conformance suite as one guest bundle of the host protocol
// (@wasmcall/host-runtimes, whose guest bundle options it is built with: ESM with no Node
// built-ins, so that it runs unchanged in Node, Bun, Deno and browsers). Every test/*.test.ts is
// bundled except NODE_ONLY; `vitest` resolves to the package's own runner (src/runner/vitest.ts),
// which has vitest's semantics for what the tests use; wabt is bundled through the test-support
// plugin that lets it run outside Node.
import { readdirSync, rmSync } from "node:fs";
import { guestBundleOptions } from "@wasmcall/host-runtimes/guest-bundle";
import { wabtPlugin } from "@wasmcall/test-support/wabt-plugin";
import { build } from "esbuild";

/** Test files that only Node can run: the root README test reads the README from the disk. */
const NODE_ONLY = ["root-readme.test.ts"];

const files = readdirSync("test")
  .filter((name) => name.endsWith(".test.ts") && !NODE_ONLY.includes(name))
  .sort();
const entry = [
  'import { runConformanceGuest } from "./src/guest/main.ts";',
  "await runConformanceGuest([",
  ...files.map(
    (name) => `  { name: ${JSON.stringify(name)}, load: () => import("./test/${name}") },`,
  ),
  "]);",
].join("\n");

rmSync("dist", { recursive: true, force: true });
await build({
  ...guestBundleOptions,
  stdin: { contents: entry, resolveDir: ".", sourcefile: "guest-entry.ts", loader: "ts" },
  outfile: "dist/guest.js",
  // Classes keep their names: tests and error messages read them (`Val`, `Trap`).
  keepNames: true,
  alias: { vitest: "./src/runner/vitest.ts" },
  plugins: [wabtPlugin],
  logLevel: "warning",
});
console.log(`dist/guest.js: ${files.length} test files (${files.join(", ")})`);
