// The consumer check: installs each strategy package on its own, from the tarballs a release
// would publish, into a fresh project outside the workspace, runs it there as ES module and
// CommonJS and typechecks it; the types of every packed package are checked too.
// `node dist/main.js [package...]`; prints one line per package, then "N passed, N failed";
// exits with 1 when a package failed.
import { checkConsumers, type PackageResult } from "./check-consumers.js";
import { repoRoot } from "./workspace.js";

/** One line (more for a failure) saying how a package's checks went. */
function describe(result: PackageResult): string {
  const took = `${(result.ms / 1000).toFixed(1)} s`;
  if (result.passed) return `passed  ${result.name} (${took}): ${result.steps.join(", ")}`;
  const done = result.steps.length > 0 ? `after ${result.steps.join(", ")}: ` : "";
  const kept = result.projectDir === undefined ? "" : `\n  project kept in ${result.projectDir}`;
  return `failed  ${result.name} (${took}): ${done}${result.error}${kept}`;
}

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log("usage: node dist/main.js [strategy package...]   (default: every one)");
} else {
  const start = performance.now();
  try {
    const results = await checkConsumers({
      root: repoRoot(),
      ...(args.length > 0 ? { packages: args } : {}),
    });
    for (const result of results) console.log(describe(result));
    const passed = results.filter((result) => result.passed).length;
    const failed = results.length - passed;
    console.log(`consumer check took ${((performance.now() - start) / 1000).toFixed(1)} s`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.log("0 passed, 1 failed");
    process.exitCode = 1;
  }
}
