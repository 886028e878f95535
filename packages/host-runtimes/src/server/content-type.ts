import { extname } from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wast": "text/plain; charset=utf-8",
  ".wat": "text/plain; charset=utf-8",
};

/** The `content-type` a file is served with, from its extension (binary when unknown). */
export function contentType(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}
