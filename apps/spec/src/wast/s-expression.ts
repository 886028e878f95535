import { WastLexer } from "./wast-lexer.js";
import { WastSyntaxError } from "./wast-syntax-error.js";

/** Where a node is in the source: UTF-16 offsets (end exclusive), 1-based line and column. */
export interface SourceSpan {
  /** The offset of its first character. */
  readonly start: number;
  /** The offset just after its last character. */
  readonly end: number;
  /** The line of its first character. */
  readonly line: number;
  /** The column of its first character. */
  readonly column: number;
}

/** A parenthesised list: `(head item ...)`. */
export interface SList extends SourceSpan {
  readonly kind: "list";
  /** The items, in order (comments dropped). */
  readonly items: readonly SExpr[];
  /** Whether it is an annotation: `(@name ...)`, its first item the atom `@name`. */
  readonly annotation: boolean;
}

/** An atom other than a lone string: keyword, `$id`, number or reserved token. */
export interface SAtom extends SourceSpan {
  readonly kind: "atom";
  /** The atom as written. */
  readonly text: string;
}

/** A string literal, as written (quotes and escapes kept); decode it with `stringBytes`. */
export interface SString extends SourceSpan {
  readonly kind: "string";
  /** The literal as written, quotes included. */
  readonly raw: string;
}

/** One node of an S-expression. */
export type SExpr = SList | SAtom | SString;

/**
 * Reads `source` as a sequence of S-expressions (the top-level nodes, in order).
 *
 * @throws {WastSyntaxError} for a lexical error or unbalanced parentheses.
 */
export function readSExpressions(source: string): SExpr[] {
  const lexer = new WastLexer(source);
  const top: SExpr[] = [];
  const open: { items: SExpr[]; start: number; line: number; column: number; annot: boolean }[] =
    [];
  for (let token = lexer.next(); token !== undefined; token = lexer.next()) {
    const { start, end, line, column } = token;
    const items = open.at(-1)?.items ?? top;
    switch (token.kind) {
      case "lparen":
      case "annotation":
        open.push({ items: [], start, line, column, annot: token.kind === "annotation" });
        break;
      case "rparen": {
        const list = open.pop();
        if (list === undefined) throw new WastSyntaxError("unexpected )", line, column);
        const node: SList = {
          kind: "list",
          items: list.items,
          annotation: list.annot,
          start: list.start,
          end,
          line: list.line,
          column: list.column,
        };
        (open.at(-1)?.items ?? top).push(node);
        break;
      }
      case "string":
        items.push({ kind: "string", raw: source.slice(start, end), start, end, line, column });
        break;
      case "atom":
        items.push({ kind: "atom", text: source.slice(start, end), start, end, line, column });
        break;
    }
  }
  const unclosed = open.at(-1);
  if (unclosed !== undefined) {
    throw new WastSyntaxError("unclosed (", unclosed.line, unclosed.column);
  }
  return top;
}

/** Tells whether `node` is the atom `text`. */
export function isAtom(node: SExpr | undefined, text?: string): node is SAtom {
  return node?.kind === "atom" && (text === undefined || node.text === text);
}

/** The head keyword of `list` (its first item when that is an atom), else `undefined`. */
export function headOf(list: SList): string | undefined {
  const first = list.items[0];
  return first?.kind === "atom" ? first.text : undefined;
}
