/// <reference types="node" />
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { firstTsBlock } from "./ts-block.js";

/** Options of {@link typecheckReadmeExample}. */
export interface TypecheckReadmeOptions {
  /**
   * The directory of the package whose dependencies the example imports: the example is
   * checked from inside it (under its `node_modules/.cache`), so its imports resolve to the
   * built packages, with the `typescript` that package depends on.
   */
  readonly packageDir: string | URL;
  /**
   * Values the example uses without importing them, by name, with their TypeScript types
   * (`{ wasmBytes: "Uint8Array" }`): declared ahead of the example.
   */
  readonly declare?: Readonly<Record<string, string>>;
}

/**
 * The time a test of {@link typecheckReadmeExample} gets: it starts the TypeScript compiler, a
 * few seconds' work that a machine busy with other packages' tests stretches past a test
 * runner's default of 5 s.
 *
 * @example
 * ```ts
 * it("type-checks the README's example", async () => {
 *   await typecheckReadmeExample(readme, { packageDir });
 * }, TYPECHECK_TIMEOUT);
 * ```
 */
export const TYPECHECK_TIMEOUT = 60_000;

/** The compiler options the example must pass: `strict`, as a careful user's project has. */
const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  target: "es2022",
  module: "nodenext",
  moduleResolution: "nodenext",
  lib: ["es2022", "dom"],
  types: [],
  skipLibCheck: true,
};

/**
 * Type-checks the first ```ts block of the README at `readmePath` as a module of its own
 * under `strict`, against the built packages' type declarations: an example a user copies
 * must compile as written.
 *
 * @throws {Error} listing the compiler's errors, with the example's line numbers, when it
 * does not compile.
 *
 * @example
 * ```ts
 * await typecheckReadmeExample(new URL("../README.md", import.meta.url), {
 *   packageDir: new URL("..", import.meta.url),
 *   declare: { wasmBytes: "Uint8Array" },
 * });
 * ```
 */
export async function typecheckReadmeExample(
  readmePath: string | URL,
  options: TypecheckReadmeOptions,
): Promise<void> {
  const example = firstTsBlock(await readFile(readmePath, "utf8"));
  const packageDir =
    typeof options.packageDir === "string" ? options.packageDir : fileURLToPath(options.packageDir);
  const declarations = Object.entries(options.declare ?? {})
    .map(([name, type]) => `declare const ${name}: ${type};`)
    .join(" ");
  const cache = join(packageDir, "node_modules", ".cache");
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, "readme-typecheck-"));
  try {
    // The declarations share the example's first line, so the compiler's line numbers are
    // the example's own.
    await writeFile(join(dir, "example.ts"), `${declarations} ${example}\nexport {};\n`);
    await writeFile(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: ["example.ts"] }),
    );
    const tsc = join(
      dirname(createRequire(join(packageDir, "package.json")).resolve("typescript/package.json")),
      "bin",
      "tsc",
    );
    try {
      await promisify(execFile)(process.execPath, [tsc, "-p", dir, "--pretty", "false"]);
    } catch (error) {
      const output = (error as { stdout?: string }).stdout ?? String(error);
      throw new Error(`README example (${readmePath}) does not type-check:\n${output}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
