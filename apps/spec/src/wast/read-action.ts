import { definedFields } from "./defined-fields.js";
import { ListReader } from "./list-reader.js";
import { readValue } from "./read-value.js";
import type { SList } from "./s-expression.js";
import type { WastAction } from "./wast-command.js";

/** The script keywords that start an action. */
export const ACTION_KEYWORDS: ReadonlySet<string> = new Set(["invoke", "get"]);

/**
 * The action `list` writes: `(invoke $M? "name" arg*)` or `(get $M? "name")`.
 *
 * @throws {WastSyntaxError} for anything else, or a malformed argument.
 */
export function readAction(list: SList): WastAction {
  const r = new ListReader(list);
  const type = r.head;
  if (!ACTION_KEYWORDS.has(type)) throw r.unexpected(list, "an action (invoke or get)");
  const module = r.optionalId();
  const field = r.nextString("an export name");
  const where = definedFields({ module });
  if (type === "get") {
    r.end();
    return { type: "get", ...where, field };
  }
  return { type: "invoke", ...where, field, args: r.rest().map(readValue) };
}
