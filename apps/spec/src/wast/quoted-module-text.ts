import { WastLexer } from "./wast-lexer.js";

/**
 * The text of a `(module quote ...)` as a whole module for a text assembler: the text
 * itself when it starts with `(module`, else the text wrapped in `(module ` and `)` (a quoted
 * module may give only its fields, as the reference interpreter allows). Text that does not
 * lex is wrapped too: the assembler will refuse it either way.
 */
export function quotedModuleText(text: string): string {
  try {
    const lexer = new WastLexer(text);
    const open = lexer.next();
    const keyword = lexer.next();
    if (
      open?.kind === "lparen" &&
      keyword?.kind === "atom" &&
      text.slice(keyword.start, keyword.end) === "module"
    ) {
      return text;
    }
  } catch {
    // Wrapped below.
  }
  return `(module ${text}\n)`;
}
