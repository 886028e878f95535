import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { benchFiles } from "./host/bench-files.js";
import { startWebServer } from "./host/web-server.js";

/**
 * `pnpm bench:web`: serves the page that runs the bench in the visiting browser, prints its
 * URL and runs until Ctrl-C.
 */
async function main(): Promise<void> {
  const server = await startWebServer(benchFiles(dirname(fileURLToPath(import.meta.url))));
  console.log(`wasmcall bench in your browser: ${server.url}/`);
  console.log("Ctrl-C stops the server.");
  await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  await server.close();
}

await main();
