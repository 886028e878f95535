import { hostUrl } from "./host-url.js";

/** An error's message, and its cause's when it has one (`fetch failed (other side closed)`). */
function messageWithCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { cause } = error;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}

async function fetchOk(path: string, init?: RequestInit): Promise<Response> {
  const method = init?.method ?? "GET";
  let response: Response;
  try {
    response = await fetch(new URL(path, hostUrl()), init);
  } catch (error) {
    throw new Error(`${method} ${path}: ${messageWithCause(error)}`, { cause: error });
  }
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${response.statusText}`);
  return response;
}

/**
 * Fetches `path` (a URL path such as `/spec/i32/i32.0.wasm`) from the host: a file under one
 * of the mounts given to `runGuest`.
 *
 * @throws {Error} naming the path and the HTTP status when the host has no such file, or the
 * network error (and its cause) when the request fails.
 */
export async function fetchBytes(path: string): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await (await fetchOk(path)).arrayBuffer());
}

/**
 * Fetches `path` from the host as text (UTF-8).
 *
 * @throws {Error} naming the path and the HTTP status when the host has no such file.
 */
export async function fetchText(path: string): Promise<string> {
  return (await fetchOk(path)).text();
}

/**
 * Fetches `path` from the host and parses it as JSON. On a mounted directory, `path + "?list"`
 * gives the paths of its files, relative to it, in every subdirectory, sorted.
 *
 * @throws {Error} naming the path and the HTTP status when the host has no such file, or a
 * `SyntaxError` when it is not JSON.
 * @example
 * ```ts
 * const files = await fetchJson<string[]>("/spec/?list"); // ["address/address.json", ...]
 * ```
 */
export async function fetchJson<T = unknown>(path: string): Promise<T> {
  return (await (await fetchOk(path)).json()) as T;
}

/**
 * Posts `body` as JSON to the host's route `path`.
 *
 * @throws {Error} naming the route and the HTTP status when the host refuses it.
 */
export async function postJson(path: string, body: unknown): Promise<void> {
  const response = await fetchOk(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
}
