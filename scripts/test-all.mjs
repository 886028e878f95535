// The project's test command: lint, typecheck, build and test every package through turbo, then
// print the totals of all tests run as one line "N passed, N failed".
import { spawnSync } from "node:child_process";

const turbo = spawnSync(
  "pnpm",
  ["exec", "turbo", "run", "lint", "typecheck", "test", "--continue", ...process.argv.slice(2)],
  { stdio: "inherit" },
);
const summary = spawnSync(process.execPath, ["scripts/test-summary.mjs"], { stdio: "inherit" });
process.exitCode = turbo.status !== 0 || summary.status !== 0 ? 1 : 0;
