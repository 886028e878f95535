// `node scripts/ensure-runtimes.mjs [LIST]` (after the build): makes the runtimes of LIST
// (comma-separated names, or `all`, the default) ready, installing what is missing, and prints
// each one's version. Exit status 1 when one cannot be made ready.
import { ensureRuntime, parseRuntimeList } from "../dist/index.js";

// pnpm passes a `--` that separates its own options through; it is not a runtime.
const [list = "all"] = process.argv.slice(2).filter((arg) => arg !== "--");
const names = parseRuntimeList(list);
let failed = false;
for (const name of names) {
  try {
    const { version } = await ensureRuntime(name);
    console.log(`${name}: ${version}`);
  } catch (error) {
    failed = true;
    console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
process.exitCode = failed ? 1 : 0;
