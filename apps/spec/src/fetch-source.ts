import { fetchBundle, fetchBytes, fetchJson } from "@wasmcall/host-runtimes/guest";
import type { SuiteSource } from "./suite-source.js";

/**
 * The suite a guest's host serves under the URL path `prefix` (`/spec/`): listed with
 * `prefix?list`; each script folder fetched whole, in one request (`fetchBundle`), when one of
 * its files is first read, and kept until a file of another folder is read (a runner reads one
 * script at a time), so that a script's module files cost no round trip each; a file at the
 * top (`suite.json`) is fetched alone.
 */
export function fetchSource(prefix: string): SuiteSource {
  const base = prefix.endsWith("/") ? prefix : `${prefix}/`;
  const encode = (path: string) => path.split("/").map(encodeURIComponent).join("/");
  let folder: { readonly name: string; readonly files: Promise<Map<string, Uint8Array>> } = {
    name: "",
    files: Promise.resolve(new Map()),
  };
  const readBytes = async (path: string): Promise<Uint8Array> => {
    const slash = path.indexOf("/");
    if (slash < 0) return fetchBytes(base + encode(path));
    const name = path.slice(0, slash);
    if (folder.name !== name) folder = { name, files: fetchBundle(base + encode(name)) };
    const bytes = (await folder.files).get(path.slice(slash + 1));
    if (bytes === undefined) throw new Error(`GET ${base}${path}: no such file`);
    return bytes;
  };
  return {
    location: base,
    files: () => fetchJson<string[]>(`${base}?list`),
    readBytes,
    readJson: async (path) => JSON.parse(new TextDecoder().decode(await readBytes(path))),
  };
}
