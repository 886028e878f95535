// The spec runner's entry point: `pnpm spec [-- options]` (see options.ts for the options).
import { runCli } from "./cli.js";

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
