import { resolve, sep } from "node:path";

/** Where a URL path points to in the mounts: the directory and the file inside it. */
export interface MountedPath {
  /** The mount's directory (absolute). */
  readonly dir: string;
  /** The file or directory the path names (absolute, inside `dir`). */
  readonly file: string;
}

/**
 * Maps the URL path `path` (already decoded) to a file under the mount with the longest
 * matching prefix; a prefix `/spec/` also matches `/spec` itself. `undefined` when no mount
 * matches or the path climbs out of its mount (`..`).
 */
export function resolveMount(
  mounts: Readonly<Record<string, string>>,
  path: string,
): MountedPath | undefined {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  for (const prefix of prefixes) {
    const bare = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
    if (path !== bare && !path.startsWith(bare === "" ? "/" : `${bare}/`)) continue;
    const dir = resolve(mounts[prefix] as string);
    const file = resolve(dir, `.${path.slice(bare.length)}`);
    if (file !== dir && !file.startsWith(dir + sep)) return undefined;
    return { dir, file };
  }
  return undefined;
}
