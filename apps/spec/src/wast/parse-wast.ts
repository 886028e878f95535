import { definedFields } from "./defined-fields.js";
import { errorAt, ListReader } from "./list-reader.js";
import { ACTION_KEYWORDS, readAction } from "./read-action.js";
import { readModule } from "./read-module.js";
import { readResult } from "./read-value.js";
import { headOf, readSExpressions, type SExpr, type SList } from "./s-expression.js";
import type { ModuleAssertionType, ModuleSource, WastCommand, WastScript } from "./wast-command.js";
import { WastSyntaxError } from "./wast-syntax-error.js";

const MODULE_ASSERTIONS: ReadonlySet<string> = new Set<ModuleAssertionType>([
  "assert_invalid",
  "assert_malformed",
  "assert_unlinkable",
  "assert_uninstantiable",
  "assert_invalid_custom",
  "assert_malformed_custom",
]);

const COMMAND_KEYWORDS: ReadonlySet<string> = new Set([
  "module",
  "register",
  "invoke",
  "get",
  "assert_return",
  "assert_trap",
  "assert_exhaustion",
  "assert_exception",
  "script",
  "input",
  "output",
  ...MODULE_ASSERTIONS,
]);

/**
 * Parses the `.wast` script `source` (named `filename` in messages) into its commands. A
 * script made only of module fields (`(func ...) (memory 1)`) is one module, as the reference
 * interpreter reads it.
 *
 * @throws {WastSyntaxError} at the first token, command or value the script grammar does not
 * accept (the message names file, line and column).
 */
export function parseWast(source: string, filename = "<script>"): WastScript {
  try {
    return { source_filename: filename, commands: readCommands(source) };
  } catch (error) {
    if (error instanceof WastSyntaxError) throw error.inFile(filename);
    throw error;
  }
}

function readCommands(source: string): WastCommand[] {
  const nodes = readSExpressions(source).filter((n) => n.kind !== "list" || !n.annotation);
  const first = nodes[0];
  if (first?.kind === "list" && !COMMAND_KEYWORDS.has(headOf(first) ?? "")) {
    // An inline module: the whole script is the fields of one module.
    const text = `(module ${source}\n)`;
    return [{ type: "module", line: first.line, module: { kind: "text", text } }];
  }
  return nodes.map((node) => readCommand(node, source));
}

function readCommand(node: SExpr, source: string): WastCommand {
  if (node.kind !== "list") throw errorAt(node, "a command expected");
  const r = new ListReader(node);
  const type = r.head;
  const line = node.line;
  if (type === "module") {
    const form = readModule(node, source);
    if (form.form === "instance") {
      const { name, definition } = form;
      return {
        type: "module_instance",
        line,
        ...definedFields({ name }),
        ...definedFields({ definition }),
      };
    }
    const type = form.definition ? "module_definition" : "module";
    return { type, line, ...definedFields({ name: form.name }), module: form.module };
  }
  if (ACTION_KEYWORDS.has(type)) return { type: "action", line, action: readAction(node) };
  switch (type) {
    case "register": {
      const as = r.nextString("a module name");
      const name = r.optionalId();
      r.end();
      return { type, line, as, ...definedFields({ name }) };
    }
    case "assert_return": {
      const action = r.nextList("an action");
      const expected = r.rest().map(readResult);
      return { type, line: action.line, action: readAction(action), expected };
    }
    case "assert_trap": {
      const target = r.nextList("an action or a module");
      const text = r.nextString("a failure message");
      r.end();
      if (headOf(target) === "module") {
        return { type, line: target.line, module: assertedModule(target, source), text };
      }
      return { type, line: target.line, action: readAction(target), text };
    }
    case "assert_exhaustion": {
      const action = r.nextList("an action");
      const text = r.nextString("a failure message");
      r.end();
      return { type, line: action.line, action: readAction(action), text };
    }
    case "assert_exception": {
      const action = r.nextList("an action");
      const text = r.optionalString();
      r.end();
      return { type, line: action.line, action: readAction(action), ...definedFields({ text }) };
    }
    case "script":
    case "input":
    case "output":
      throw errorAt(node, `the meta command ${type} is not supported`);
  }
  if (MODULE_ASSERTIONS.has(type)) {
    const target = r.nextList("a module");
    const text = r.nextString("a failure message");
    r.end();
    const module = assertedModule(target, source);
    return { type: type as ModuleAssertionType, line: target.line, module, text };
  }
  throw errorAt(node, `unknown command ${type === "" ? "form" : type}`);
}

/** The module an assertion is about (a definition is as good as a module there). */
function assertedModule(list: SList, source: string): ModuleSource {
  const form = headOf(list) === "module" ? readModule(list, source) : undefined;
  if (form?.form !== "module") throw errorAt(list, "a module expected");
  return form.module;
}
