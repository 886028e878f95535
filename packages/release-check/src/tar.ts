import { gunzipSync } from "node:zlib";

const BLOCK = 512;

/** A NUL-terminated ASCII field of a tar header. */
function field(header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
}

/**
 * The content of the file at `path` in a gzipped tar archive (an npm tarball), or `undefined`
 * when the archive holds no such file. Reads ustar headers (name and prefix), which is what
 * `npm pack` and `pnpm pack` write.
 *
 * @example
 * ```ts
 * const manifest = readTarEntry(readFileSync("pkg-1.0.0.tgz"), "package/package.json");
 * ```
 */
export function readTarEntry(gzipped: Uint8Array, path: string): Buffer | undefined {
  const tar = gunzipSync(gzipped);
  for (let offset = 0; offset + BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + BLOCK);
    const name = field(header, 0, 100);
    if (name === "") return undefined;
    const prefix = field(header, 345, 155);
    const size = Number.parseInt(field(header, 124, 12).trim() || "0", 8);
    const start = offset + BLOCK;
    if ((prefix === "" ? name : `${prefix}/${name}`) === path) {
      return tar.subarray(start, start + size);
    }
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return undefined;
}
