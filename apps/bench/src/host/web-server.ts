import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type StaticServer, startStaticServer } from "@wasmcall/host-runtimes";
import { WORKLOADS } from "../workloads/all-workloads.js";
import { workloadBinaries } from "../workloads/workload-binaries.js";
import type { BenchFiles } from "./bench-files.js";

/**
 * Serves the bench's web page (`files.web`) on 127.0.0.1 at a port the OS chooses: the page
 * at `/`, its scripts beside it, and `/workloads.json`, every workload's module assembled
 * here (the page never assembles text). Close it with `close()`.
 *
 * @throws wabt's error when a workload does not assemble; the server's when it cannot listen.
 */
export async function startWebServer(files: BenchFiles): Promise<StaticServer> {
  const binaries = JSON.stringify(await workloadBinaries(WORKLOADS));
  const page = readFileSync(join(files.web, "index.html"));
  return startStaticServer({
    mounts: { "/": files.web },
    routes: {
      "/": () => ({ contentType: "text/html; charset=utf-8", body: page }),
      "/workloads.json": () => ({ body: binaries }),
    },
  });
}
