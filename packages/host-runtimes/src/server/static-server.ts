import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { bundleFiles } from "./bundle-files.js";
import { contentType } from "./content-type.js";
import { listFiles } from "./list-files.js";
import { resolveMount } from "./resolve-mount.js";
import type { Route, RouteResponse } from "./route.js";

/** What {@link startStaticServer} serves. */
export interface StaticServerOptions {
  /**
   * URL prefixes mapped to directories served read-only (`GET`), e.g.
   * `{ "/spec/": "/data/wasm-spec-2.0" }`. A directory with the query `?list` answers the JSON
   * array of its files (relative paths, every subdirectory, sorted); with `?bundle`, all its
   * files in one body (see `bundleFiles`; a guest reads it with `fetchBundle`).
   */
  readonly mounts?: Readonly<Record<string, string>>;
  /** Exact URL paths answered by a handler, checked before the mounts. */
  readonly routes?: Readonly<Record<string, Route>>;
  /** Told of every request as it arrives, before it is answered: its method and URL path. */
  readonly onRequest?: (method: string, path: string) => void;
}

/** A running server from {@link startStaticServer}. */
export interface StaticServer {
  /** The server's base URL, `http://127.0.0.1:PORT` (no trailing slash). */
  readonly url: string;
  /** Stops the server, ending open connections. */
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function serveMount(
  mounts: Readonly<Record<string, string>>,
  method: string,
  path: string,
  query: string,
): Promise<RouteResponse> {
  if (method !== "GET" && method !== "HEAD") {
    return { status: 405, contentType: "text/plain", body: `${method} not allowed on files` };
  }
  const mounted = resolveMount(mounts, path);
  const notFound = { status: 404, contentType: "text/plain", body: `not found: ${path}` };
  if (mounted === undefined) return notFound;
  const info = await stat(mounted.file).catch(() => undefined);
  if (info?.isDirectory() && query === "list") {
    return { body: JSON.stringify(await listFiles(mounted.file)) };
  }
  if (info?.isDirectory() && query === "bundle") {
    return { contentType: "application/octet-stream", body: await bundleFiles(mounted.file) };
  }
  if (!info?.isFile()) return notFound;
  return { contentType: contentType(mounted.file), body: await readFile(mounted.file) };
}

function send(response: ServerResponse, answer: RouteResponse, head: boolean): void {
  const body = answer.body ?? "";
  response.writeHead(answer.status ?? 200, {
    "content-type": answer.contentType ?? "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    // Cross-origin isolated pages get precise clocks: performance.now() steps by 5 µs in
    // Chromium and 20 µs in Firefox there, against 100 µs and 1 ms otherwise.
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-embedder-policy": "require-corp",
  });
  response.end(head ? undefined : body);
}

/**
 * Starts an HTTP server on 127.0.0.1 at a port the OS chooses, serving `mounts` read-only and
 * answering `routes`. Anything else is a 404. Every answer makes a page cross-origin isolated
 * (COOP `same-origin`, COEP `require-corp`), which gives browsers precise clocks.
 *
 * @throws the server's error when it cannot listen.
 * @example
 * ```ts
 * const server = await startStaticServer({ mounts: { "/spec/": specDir } });
 * const files = await (await fetch(`${server.url}/spec/?list`)).json();
 * await server.close();
 * ```
 */
export async function startStaticServer(options: StaticServerOptions = {}): Promise<StaticServer> {
  const mounts = options.mounts ?? {};
  const routes = options.routes ?? {};
  const answer = async (request: IncomingMessage, method: string): Promise<RouteResponse> => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname);
    const query = url.search.slice(1);
    options.onRequest?.(method, path);
    const body = await readBody(request);
    const route = Object.hasOwn(routes, path) ? routes[path] : undefined;
    if (route !== undefined) return route({ method, path, query, body });
    return serveMount(mounts, method, path, query);
  };
  const server = createServer((request, response) => {
    const method = request.method ?? "GET";
    answer(request, method)
      .catch((error: unknown) => ({
        status: 500,
        contentType: "text/plain",
        body: error instanceof Error ? error.message : String(error),
      }))
      .then((reply) => send(response, reply, method === "HEAD"));
  });
  // Idle connections stay open until close(): a guest whose event loop is busy longer than a
  // keep-alive timeout (Node's is 5 s; a benchmark, a big compile, a loaded machine) would
  // otherwise send its next request on a connection the server has just closed, and its fetch
  // fail ("TypeError: fetch failed", cause "other side closed").
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once("error", rejectListen);
    server.listen(0, "127.0.0.1", () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
