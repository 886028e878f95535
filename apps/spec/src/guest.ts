// The spec runner as a guest of the host protocol (@wasmcall/host-runtimes): the same runner as
// the command line, reading the suite over HTTP, so that it runs unchanged in Node, Bun, Deno
// and browsers. Args: `{ suite: "/spec/", strategies?: string[], scripts?: string[] }`.
import { guestRuntime, runAsGuest, sendMessage } from "@wasmcall/host-runtimes/guest";
import { fetchSource } from "./fetch-source.js";
import { parseGuestArgs } from "./guest-args.js";
import { toGuestResult } from "./guest-result.js";
import { formatProgress } from "./report.js";
import { runSuite } from "./run-suite.js";

await runAsGuest(async (args) => {
  const { suite, invokers, scripts } = parseGuestArgs(args);
  const summary = await runSuite({
    source: fetchSource(suite),
    invokers,
    only: scripts,
    onFile: (file, index, total, ms) => void sendMessage(formatProgress(file, index, total, ms)),
  });
  return toGuestResult(summary, guestRuntime());
});
