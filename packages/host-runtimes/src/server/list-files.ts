import { readdir } from "node:fs/promises";
import { relative, sep } from "node:path";

/**
 * The files under `dir`, in every subdirectory, as paths relative to it with `/` separators,
 * sorted.
 *
 * @throws the file system's error when `dir` cannot be read.
 */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, `${entry.parentPath}${sep}${entry.name}`).split(sep).join("/"))
    .sort();
}
