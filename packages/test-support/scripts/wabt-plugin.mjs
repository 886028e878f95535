// An esbuild plugin that makes the npm `wabt` package (an Emscripten build, CommonJS) bundle
// for any runtime with `platform: "browser"`.
//
// wabt decides where it runs from `globalThis.process?.versions?.node`, which Node, Bun and
// Deno all have; its Node branch calls `require("fs")` and reads `__dirname`, neither of which
// exists in an ES module bundle. Its WebAssembly binary is embedded in the script, so the Node
// branch (which only sets up file reading) is not needed anywhere: the plugin turns it off and
// removes the `require("fs")`, leaving the branch every runtime can take.
import { readFile } from "node:fs/promises";

const NODE_TEST =
  'ENVIRONMENT_IS_NODE=globalThis.process?.versions?.node&&globalThis.process?.type!="renderer"';
const REQUIRE_FS = 'require("fs")';

/**
 * The esbuild plugin: patches wabt's `index.js` as it is loaded.
 *
 * @throws {Error} (failing the build) when wabt's script no longer has the two expected
 * pieces of code, so that a new wabt version is looked at rather than silently mis-bundled.
 * @example
 * ```js
 * import { wabtPlugin } from "@wasmcall/test-support/wabt-plugin";
 * await build({ entryPoints: ["src/guest.ts"], bundle: true, platform: "browser", plugins: [wabtPlugin] });
 * ```
 */
export const wabtPlugin = {
  name: "wabt-any-runtime",
  setup(build) {
    build.onLoad({ filter: /[\\/]wabt[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      for (const piece of [NODE_TEST, REQUIRE_FS]) {
        if (source.split(piece).length !== 2) {
          throw new Error(`wabt-plugin: ${args.path} does not hold ${piece} exactly once`);
        }
      }
      const contents = source
        .replace(NODE_TEST, "ENVIRONMENT_IS_NODE=false")
        .replace(REQUIRE_FS, "undefined");
      return { contents, loader: "js" };
    });
  },
};
