// The runtime matrix's entry point: `pnpm test:runtimes [-- options]` (see options.ts).
import { runCli } from "./cli.js";

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
