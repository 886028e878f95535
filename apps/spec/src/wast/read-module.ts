import { definedFields } from "./defined-fields.js";
import { ListReader } from "./list-reader.js";
import type { SList } from "./s-expression.js";
import { concatBytes, utf8Text, utf8TextLenient } from "./utf8-text.js";
import type { ModuleSource } from "./wast-command.js";

/** A module a script writes: `(module $M? ...)`, or `(module definition $M? ...)`. */
export interface ModuleForm {
  readonly form: "module";
  /** Whether it is a definition only (`module definition`), not to be instantiated. */
  readonly definition: boolean;
  /** Its `$name`, if any. */
  readonly name?: string;
  /** The module: text, quoted text or bytes. */
  readonly module: ModuleSource;
}

/** `(module instance $I? $M?)`: an instance of a module definition. */
export interface InstanceForm {
  readonly form: "instance";
  /** The instance's `$name`, if any. */
  readonly name?: string;
  /** The definition's `$name`; the latest definition when absent. */
  readonly definition?: string;
}

/**
 * The module `list` writes (a list whose head is `module`): inline text, `binary` strings,
 * `quote` strings, each possibly a `definition`, or an `instance`. `source` is the whole
 * script, which inline text is cut from.
 *
 * @throws {WastSyntaxError} for a malformed module form (not for a malformed module: that is
 * the assembler's or the engine's to find).
 */
export function readModule(list: SList, source: string): ModuleForm | InstanceForm {
  const r = new ListReader(list);
  const keyword = r.peek();
  if (keyword?.kind === "atom" && keyword.text === "instance") {
    r.next();
    const name = r.optionalId();
    const definition = r.optionalId();
    r.end();
    return { form: "instance", ...definedFields({ name, definition }) };
  }
  const definition = keyword?.kind === "atom" && keyword.text === "definition";
  if (definition) r.next();
  const name = r.optionalId();
  const kind = r.peek();
  let module: ModuleSource;
  if (kind?.kind === "atom" && (kind.text === "binary" || kind.text === "quote")) {
    r.next();
    const parts: Uint8Array[] = [];
    while (r.peek() !== undefined) parts.push(r.nextStringBytes("a string"));
    const bytes = concatBytes(parts);
    if (kind.text === "binary") {
      module = { kind: "binary", bytes };
    } else {
      const text = utf8Text(bytes);
      module = {
        kind: "quote",
        text: text ?? utf8TextLenient(bytes),
        bytes,
        validUtf8: text !== undefined,
      };
    }
  } else {
    // The fields are left to the assembler: annotations and all, exactly as written.
    const text = source.slice(list.start, list.end);
    module = {
      kind: "text",
      text:
        definition && keyword !== undefined
          ? `(module${source.slice(keyword.end, list.end)}`
          : text,
    };
  }
  return { form: "module", definition, ...definedFields({ name }), module };
}
