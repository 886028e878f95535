import type { ModuleType, SpecAction, SpecCommand, SpecScript } from "../spec-format.js";
import {
  type ModuleSource,
  quotedModuleText,
  type WastAction,
  type WastCommand,
  type WastScript,
} from "../wast/index.js";
import { specValueOf } from "./spec-value-of.js";

/** A script in the command-list format, with the module files its commands name. */
export interface ConvertedScript {
  /** `NAME.json`. */
  readonly json: SpecScript;
  /** The module files: `NAME.0.wasm` and its bytes, ... */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

/**
 * Assembles a text-format module, which the script says is `wellFormed` (or malformed: an
 * `assert_malformed` module); rejects with the parser's message when it refuses it.
 */
export type Assemble = (text: string, wellFormed: boolean) => Promise<Uint8Array>;

/** The assertions about a module that the text format refuses, or may. */
const MALFORMED: ReadonlySet<string> = new Set(["assert_malformed", "assert_malformed_custom"]);

/** A command's module, as the format names it. */
interface ModuleFields {
  readonly filename: string;
  readonly module_type: ModuleType;
  readonly text_error?: string;
}

/**
 * Converts the parsed script `script` into the command-list format wast2json writes, under
 * the name `name`: each module becomes the file `NAME.k.wasm` (text modules assembled by
 * `assemble`, marked `assembled`); a text module the assembler refuses has no file and carries
 * the refusal as `text_error` (the script's `assert_malformed` modules are mostly such).
 */
export async function convertScript(
  script: WastScript,
  name: string,
  assemble: Assemble,
): Promise<ConvertedScript> {
  const files = new Map<string, Uint8Array>();
  let next = 0;
  const moduleFields = async (source: ModuleSource, type: string): Promise<ModuleFields> => {
    const filename = `${name}.${next++}.wasm`;
    if (source.kind === "binary") {
      files.set(filename, source.bytes);
      return { filename, module_type: "binary" };
    }
    if (source.kind === "quote" && !source.validUtf8) {
      return { filename, module_type: "text", text_error: "malformed UTF-8 encoding" };
    }
    const text = source.kind === "quote" ? quotedModuleText(source.text) : source.text;
    try {
      files.set(filename, await assemble(text, !MALFORMED.has(type)));
      return { filename, module_type: "assembled" };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { filename, module_type: "text", text_error: message };
    }
  };
  const commands: SpecCommand[] = [];
  for (const command of script.commands) {
    commands.push(await convertCommand(command, moduleFields));
  }
  return { json: { source_filename: script.source_filename, commands }, files };
}

async function convertCommand(
  c: WastCommand,
  moduleFields: (source: ModuleSource, type: string) => Promise<ModuleFields>,
): Promise<SpecCommand> {
  switch (c.type) {
    case "module":
    case "module_definition": {
      const { module, ...rest } = c;
      return { ...rest, ...(await moduleFields(module, c.type)) };
    }
    case "module_instance":
    case "register":
      return c;
    case "action":
      return { ...c, action: convertAction(c.action) };
    case "assert_return":
      return { ...c, action: convertAction(c.action), expected: c.expected.map(specValueOf) };
    case "assert_exhaustion":
    case "assert_exception":
      return { ...c, action: convertAction(c.action) };
    case "assert_trap":
      if (c.action !== undefined) return { ...c, action: convertAction(c.action) };
      return {
        type: c.type,
        line: c.line,
        text: c.text,
        ...(await moduleFields(c.module, c.type)),
      };
    default:
      return {
        type: c.type,
        line: c.line,
        text: c.text,
        ...(await moduleFields(c.module, c.type)),
      };
  }
}

function convertAction(action: WastAction): SpecAction {
  if (action.type === "get") return action;
  return { ...action, args: action.args.map(specValueOf) };
}
