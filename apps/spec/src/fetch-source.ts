import { fetchBytes, fetchJson } from "@wasmcall/host-runtimes/guest";
import type { SuiteSource } from "./suite-source.js";

/**
 * The suite a guest's host serves under the URL path `prefix` (`/spec/`): listed with
 * `prefix?list`, each file fetched from `prefix` + its path (each segment URL-encoded).
 */
export function fetchSource(prefix: string): SuiteSource {
  const base = prefix.endsWith("/") ? prefix : `${prefix}/`;
  const url = (path: string) => base + path.split("/").map(encodeURIComponent).join("/");
  return {
    location: base,
    files: () => fetchJson<string[]>(`${base}?list`),
    readBytes: (path) => fetchBytes(url(path)),
    readJson: (path) => fetchJson(url(path)),
  };
}
