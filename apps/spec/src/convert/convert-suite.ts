import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, sep } from "node:path";
import type { SpecScript, SuiteInfo } from "../spec-format.js";
import { parseWast, WastSyntaxError } from "../wast/index.js";
import { type ConvertedScript, convertScript } from "./convert-script.js";
import { ASSEMBLER, assembleWat } from "./wat-assembler.js";

/**
 * The version of the converter's output: a cached conversion made by another version is made
 * again.
 */
const FORMAT = 1;

/** The `.wast` scripts under `dir`, in every subfolder, as paths relative to it with `/`. */
export function wastScripts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(sep).join("/"))
    .filter((file) => file.endsWith(".wast"))
    .sort();
}

/**
 * The folder name of the script at `path`: the path without `.wast`, subfolders joined with
 * `.` (`legacy/throw.wast` is `legacy.throw`).
 */
export function scriptName(path: string): string {
  return path.slice(0, -".wast".length).split("/").join(".");
}

/**
 * The suite of `.wast` scripts in `dir` converted into the folder format the runner reads
 * (wast2json's, with `suite.json` saying it is 3.0): the folder, made under `cacheDir` (the
 * system's temporary folder by default) once per content of the scripts and reused after.
 * Each script is parsed by the runner's own script parser and its text modules are assembled
 * by wasm-tools' parser.
 *
 * A script the parser refuses becomes one `script_error` command, which the runner counts as
 * a failure of that script: the rest of the suite still runs.
 */
export async function convertSuite(
  dir: string,
  cacheDir = join(tmpdir(), "wasmcall-spec"),
): Promise<string> {
  const paths = wastScripts(dir);
  const hash = createHash("sha256").update(`${FORMAT}\n${ASSEMBLER}\n`);
  const sources = paths.map((path) => {
    const source = readFileSync(join(dir, ...path.split("/")), "utf8");
    hash.update(`${path}\n${source.length}\n${source}`);
    return source;
  });
  const out = join(cacheDir, hash.digest("hex").slice(0, 16));
  if (existsSync(join(out, "suite.json"))) return out;
  const partial = `${out}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  for (const [i, path] of paths.entries()) {
    const name = scriptName(path);
    const { json, files } = await convertOne(sources[i] as string, basename(path), name);
    const folder = join(partial, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${name}.json`), JSON.stringify(json));
    for (const [file, bytes] of files) writeFileSync(join(folder, file), bytes);
  }
  const info: SuiteInfo = { version: "3.0", assembler: ASSEMBLER };
  writeFileSync(join(partial, "suite.json"), `${JSON.stringify(info, null, 2)}\n`);
  try {
    renameSync(partial, out);
  } catch (error) {
    // Another run converted the same suite meanwhile: its folder stands.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(join(out, "suite.json"))) throw error;
  }
  return out;
}

/**
 * The script `source` (file `filename`) converted under the name `name`, or, when it does not
 * parse, a script of one `script_error` command at the line the parser stopped, with its
 * message.
 */
async function convertOne(
  source: string,
  filename: string,
  name: string,
): Promise<ConvertedScript> {
  try {
    return await convertScript(parseWast(source, filename), name, assembleWat);
  } catch (error) {
    if (!(error instanceof WastSyntaxError)) throw error;
    const json: SpecScript = {
      source_filename: filename,
      commands: [{ type: "script_error", line: error.line, text: error.message }],
    };
    return { json, files: new Map() };
  }
}
