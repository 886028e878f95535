import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { wastScripts } from "../../src/convert/index.js";
import type { SpecCommand, SpecScript, SpecValue } from "../../src/spec-format.js";
import { parseWast } from "../../src/wast/parse-wast.js";
import type { WastCommand } from "../../src/wast/wast-command.js";
import type { WastResult } from "../../src/wast/wast-value.js";

/** The repository's root, from apps/spec/test/wast. */
const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
/**
 * The 3.0 suite: `$WASM_SPEC3_DIR` (from the repository root, as `WASM_SPEC_DIR` is), else
 * `../shared/wasm-spec-3.0` from the repository root (`../../../../shared/wasm-spec-3.0` from
 * apps/spec/test).
 */
const SUITE3 = resolve(REPO_ROOT, process.env.WASM_SPEC3_DIR ?? "../shared/wasm-spec-3.0");
/** The 2.0 suite (wast2json output beside each `.wast`), to check values against wabt. */
const SUITE2 = resolve(REPO_ROOT, process.env.WASM_SPEC_DIR ?? "../shared/wasm-spec-2.0");

/** The kind a command is counted under: its type, and a module's form. */
function kindOf(command: WastCommand): string {
  return "module" in command && command.module !== undefined
    ? `${command.type} (${command.module.kind})`
    : command.type;
}

describe.runIf(existsSync(SUITE3))("the WebAssembly 3.0 testsuite", () => {
  it("parses every script, custom/ and legacy/ included, with counts close to the README's", () => {
    const files = wastScripts(SUITE3).map((path) => join(SUITE3, ...path.split("/")));
    const kinds: Record<string, number> = {};
    const types: Record<string, number> = {};
    const errors: string[] = [];
    for (const file of files) {
      const name = relative(SUITE3, file);
      try {
        for (const command of parseWast(readFileSync(file, "utf8"), name).commands) {
          kinds[kindOf(command)] = (kinds[kindOf(command)] ?? 0) + 1;
          types[command.type] = (types[command.type] ?? 0) + 1;
        }
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    const sorted = Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b)));
    console.log(`${files.length} scripts in ${SUITE3}; commands per kind:`, sorted);
    expect(errors).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(219);
    // At least the README's counts (occurrences in the text: one assert_invalid of exports.wast
    // is in a comment, and its assert_invalid includes the one assert_invalid_custom); a fuller
    // copy of the suite has more.
    const least: Record<string, number> = {
      assert_return: 40132,
      assert_trap: 3401,
      assert_invalid: 2304,
      assert_invalid_custom: 1,
      assert_malformed: 1593,
      assert_malformed_custom: 19,
      assert_unlinkable: 192,
      assert_exception: 27,
      assert_exhaustion: 13,
    };
    for (const [type, count] of Object.entries(least)) {
      expect(types[type] ?? 0, type).toBeGreaterThanOrEqual(count);
    }
  }, 60_000);
});

describe.runIf(existsSync(SUITE2))("the WebAssembly 2.0 testsuite against wast2json", () => {
  it("gives every command, line, name, message, value and binary module as wast2json does", () => {
    let scripts = 0;
    let compared = 0;
    const mismatches: string[] = [];
    for (const name of readdirSync(SUITE2).sort()) {
      const wast = join(SUITE2, name, `${name}.wast`);
      if (!existsSync(wast)) continue;
      scripts++;
      const json = JSON.parse(
        readFileSync(join(SUITE2, name, `${name}.json`), "utf8"),
      ) as SpecScript;
      const ours = parseWast(readFileSync(wast, "utf8"), `${name}.wast`).commands;
      if (ours.length !== json.commands.length) {
        mismatches.push(`${name}: ${ours.length} commands, wast2json ${json.commands.length}`);
        continue;
      }
      json.commands.forEach((theirs, i) => {
        compared++;
        const diff = differences(theirs, ours[i] as WastCommand, join(SUITE2, name));
        if (diff !== "") mismatches.push(`${name}.wast:${theirs.line}: ${diff}`);
      });
    }
    console.log(`2.0 suite: ${scripts} scripts, ${compared} commands compared with wast2json`);
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(40000);
  }, 60_000);
});

/** How `ours` differs from wast2json's `theirs`, or "" when it does not. */
function differences(theirs: SpecCommand, ours: WastCommand, folder: string): string {
  const out: string[] = [];
  const type = ours.type === "assert_trap" && ours.module ? "assert_uninstantiable" : ours.type;
  if (theirs.type !== type) out.push(`type ${type}`);
  if (theirs.line !== ours.line) out.push(`line ${ours.line}`);
  if ("name" in ours && theirs.name !== ours.name) out.push(`name ${ours.name}`);
  if ("as" in ours && theirs.as !== ours.as) out.push(`as ${ours.as}`);
  if ("text" in ours && theirs.text !== ours.text) out.push(`text ${ours.text}`);
  if ("action" in ours && ours.action !== undefined) {
    const { action } = ours;
    const want = theirs.action;
    if (
      want?.type !== action.type ||
      want.field !== action.field ||
      want.module !== action.module
    ) {
      out.push(`action ${action.type} ${action.field}`);
    }
    const args = action.type === "invoke" ? action.args : [];
    const wantArgs = want?.type === "invoke" ? want.args : [];
    if (JSON.stringify(args.map(toSpecValue)) !== JSON.stringify(wantArgs)) out.push("args");
  }
  if (ours.type === "assert_return") {
    const expected = ours.expected.map(toSpecValue);
    if (JSON.stringify(expected) !== JSON.stringify(theirs.expected)) out.push("expected");
  }
  if ("module" in ours && ours.module?.kind === "binary" && theirs.filename !== undefined) {
    const bytes = readFileSync(join(folder, theirs.filename));
    if (Buffer.compare(bytes, Buffer.from(ours.module.bytes)) !== 0) out.push("module bytes");
  }
  if ("module" in ours && ours.module?.kind === "quote" && theirs.module_type !== "text") {
    out.push("quoted module");
  }
  return out.join(", ");
}

const LANE_TYPES = {
  i8x16: "i8",
  i16x8: "i16",
  i32x4: "i32",
  i64x2: "i64",
  f32x4: "f32",
  f64x2: "f64",
};

/** `value` as wast2json writes a 2.0 value. */
function toSpecValue(value: WastResult): SpecValue {
  switch (value.type) {
    case "i32":
    case "i64":
    case "f32":
    case "f64":
      return { type: value.type, value: "nan" in value ? `nan:${value.nan}` : String(value.bits) };
    case "v128":
      return {
        type: "v128",
        lane_type: LANE_TYPES[value.shape],
        value: value.lanes.map((lane) => (typeof lane === "string" ? `nan:${lane}` : String(lane))),
      };
    case "ref.null":
      return { type: value.heap === "func" ? "funcref" : "externref", value: "null" };
    case "ref.extern":
      return { type: "externref", value: String(value.id) };
    case "ref.nonnull":
      return { type: `${value.kind}ref` };
    default:
      return { type: `not in 2.0: ${value.type}` };
  }
}
