// Runs turbo with the given arguments, telemetry off.
import { spawnSync } from "node:child_process";

const result = spawnSync("turbo", process.argv.slice(2), {
  stdio: "inherit",
  shell: process.platform === "win32",
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" },
});
process.exitCode = result.status ?? 1;
