import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { wat } from "@wasmcall/test-support";
import type { SpecScript } from "../../src/spec-format.js";

const FIXTURES = fileURLToPath(new URL("../fixtures", import.meta.url));

/**
 * Copies the fixture suite (test/fixtures: one folder per script, as wast2json lays it out)
 * into a new temporary folder and returns it. Every binary module a script names that is not
 * checked in as `.wasm` is assembled from the `.wat` file of the same name, without
 * validation, so invalid modules can be written as text too.
 */
export async function fixtureSuite(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "wasmcall-spec-"));
  cpSync(FIXTURES, dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    const folder = join(dir, name);
    const script = JSON.parse(readFileSync(join(folder, `${name}.json`), "utf8")) as SpecScript;
    for (const { filename } of script.commands) {
      if (filename?.endsWith(".wasm") !== true || existsSync(join(folder, filename))) continue;
      const source = readFileSync(join(folder, filename.replace(/\.wasm$/, ".wat")), "utf8");
      writeFileSync(join(folder, filename), await wat(source, { validate: false }));
    }
  }
  return dir;
}
