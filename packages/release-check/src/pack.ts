import { readFile } from "node:fs/promises";
import type { Launcher } from "./pnpm.js";
import { runCommand } from "./run-command.js";
import { readTarEntry } from "./tar.js";
import type { PackageManifest, WorkspacePackage } from "./workspace.js";

/** A package packed into a tarball, as it would be published. */
export interface PackedPackage {
  readonly name: string;
  /** The absolute path of the tarball. */
  readonly tarball: string;
  /** The package.json inside the tarball (pnpm's, with `workspace:` ranges replaced). */
  readonly manifest: PackageManifest;
}

/**
 * Packs `pkg` with `pnpm pack` into the folder `destination`, as `pnpm publish` would publish
 * it (pnpm replaces `workspace:` ranges with the versions they point to).
 *
 * @throws {CommandError} when pnpm fails.
 * @throws {Error} when the tarball holds no package.json, or a dependency still has a
 * `workspace:` range.
 */
export async function packPackage(
  pkg: WorkspacePackage,
  destination: string,
  pnpm: Launcher,
): Promise<PackedPackage> {
  const { stdout } = await runCommand(
    pnpm.command,
    [...pnpm.args, "pack", "--pack-destination", destination, "--json"],
    { cwd: pkg.dir },
  );
  const { filename } = JSON.parse(stdout) as { filename: string };
  const packed = readTarEntry(await readFile(filename), "package/package.json");
  if (packed === undefined) throw new Error(`${filename} holds no package/package.json`);
  const manifest = JSON.parse(packed.toString("utf8")) as PackageManifest;
  const unresolved = Object.entries(manifest.dependencies ?? {}).filter(([, range]) =>
    range.startsWith("workspace:"),
  );
  if (unresolved.length > 0) {
    throw new Error(`${filename}: dependencies left as workspace ranges: ${unresolved.join(", ")}`);
  }
  return { name: manifest.name, tarball: filename, manifest };
}

/**
 * Checks that the packed packages depend on one another at exactly the versions packed with
 * them, as a release publishes them together.
 *
 * @throws {Error} naming every dependency whose range is not the packed version.
 */
export function checkPackedDependencies(packed: readonly PackedPackage[]): void {
  const versions = new Map(packed.map((p) => [p.name, p.manifest.version]));
  const wrong = packed.flatMap((p) =>
    Object.entries(p.manifest.dependencies ?? {})
      .filter(([name, range]) => versions.has(name) && range !== versions.get(name))
      .map(([name, range]) => `${p.name} -> ${name}@${range} (packed: ${versions.get(name)})`),
  );
  if (wrong.length > 0)
    throw new Error(`dependencies not at the packed versions: ${wrong.join(", ")}`);
}
