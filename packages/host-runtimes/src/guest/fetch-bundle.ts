import { fetchBytes } from "./fetch-file.js";

/**
 * Fetches every file under the mounted directory `path` (`/spec/i32/`) in one request (the
 * host's `?bundle`): their contents by path relative to it, `/` separators. A guest reading
 * many small files saves a round trip each (thousands of fetches take a browser tens of
 * seconds).
 *
 * @throws {Error} naming the path and the HTTP status when the host has no such directory.
 * @example
 * ```ts
 * const files = await fetchBundle("/spec/i32/"); // Map { "i32.0.wasm" => Uint8Array, ... }
 * ```
 */
export async function fetchBundle(path: string): Promise<Map<string, Uint8Array>> {
  const base = path.endsWith("/") ? path : `${path}/`;
  const body = await fetchBytes(`${base}?bundle`);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const decoder = new TextDecoder();
  const files = new Map<string, Uint8Array>();
  for (let at = 0; at < body.length; ) {
    const nameLength = view.getUint32(at, true);
    const name = decoder.decode(body.subarray(at + 4, at + 4 + nameLength));
    at += 4 + nameLength;
    const size = view.getUint32(at, true);
    files.set(name, body.subarray(at + 4, at + 4 + size));
    at += 4 + size;
  }
  return files;
}
