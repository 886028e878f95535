import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { listFiles } from "./list-files.js";

/**
 * Every file under `dir` in one body, for a guest to fetch a folder in one request (see
 * `fetchBundle`): per file, in {@link listFiles} order, the length of its path (relative, `/`
 * separators, UTF-8) as a 32-bit little-endian integer, the path, the length of its content,
 * the content.
 *
 * @throws the file system's error when `dir` or a file cannot be read.
 */
export async function bundleFiles(dir: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const path of await listFiles(dir)) {
    const name = Buffer.from(path, "utf8");
    const content = await readFile(join(dir, ...path.split("/")));
    const header = Buffer.alloc(4);
    header.writeUInt32LE(name.length);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(content.length);
    parts.push(header, name, size, content);
  }
  return Buffer.concat(parts);
}
