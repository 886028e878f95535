import type { SExpr, SList, SourceSpan, SString } from "./s-expression.js";
import { stringBytes, stringText } from "./string-node.js";
import { WastSyntaxError } from "./wast-syntax-error.js";

/**
 * Reads the items of a script-level list one by one, after its head keyword, skipping
 * annotations (`(@name ...)`, which only the text assembler reads), with errors that point at
 * the offending item.
 */
export class ListReader {
  private readonly items: readonly SExpr[];
  private at = 1;

  /** Reads `list`, whose head keyword (its first item) is taken as read. */
  constructor(readonly list: SList) {
    this.items = list.items.filter((item) => item.kind !== "list" || !item.annotation);
  }

  /** The keyword the list starts with. */
  get head(): string {
    const first = this.items[0];
    return first?.kind === "atom" ? first.text : "";
  }

  /** The next item, without taking it. */
  peek(): SExpr | undefined {
    return this.items[this.at];
  }

  /** Takes the next item, if any. */
  next(): SExpr | undefined {
    const item = this.items[this.at];
    if (item !== undefined) this.at++;
    return item;
  }

  /** Takes every item left. */
  rest(): SExpr[] {
    const rest = this.items.slice(this.at);
    this.at = this.items.length;
    return rest;
  }

  /**
   * Takes the next item, which must be a list.
   *
   * @throws {WastSyntaxError} when it is missing or not a list.
   */
  nextList(what: string): SList {
    const item = this.next();
    if (item?.kind !== "list") throw this.unexpected(item, what);
    return item;
  }

  /**
   * Takes the next item, which must be an atom (a keyword or a number).
   *
   * @throws {WastSyntaxError} when it is missing or not an atom.
   */
  nextAtom(what: string): string {
    const item = this.next();
    if (item?.kind !== "atom") throw this.unexpected(item, what);
    return item.text;
  }

  /**
   * Takes the next item, which must be a string literal, as its bytes.
   *
   * @throws {WastSyntaxError} when it is missing, not a string, or malformed.
   */
  nextStringBytes(what: string): Uint8Array {
    return stringBytes(this.stringNode(what));
  }

  /**
   * Takes the next item, which must be a string literal of UTF-8 text (a name), as text.
   *
   * @throws {WastSyntaxError} when it is missing, not a string, malformed or not UTF-8.
   */
  nextString(what: string): string {
    return stringText(this.stringNode(what));
  }

  /** Takes the next item if it is a string literal, as text; else `undefined`. */
  optionalString(): string | undefined {
    return this.peek()?.kind === "string" ? this.nextString("a string") : undefined;
  }

  /**
   * Takes the next item if it is an identifier (`$M`, `$"M"`), as `$` and its name.
   *
   * @throws {WastSyntaxError} for a malformed identifier.
   */
  optionalId(): string | undefined {
    const item = this.peek();
    if (item?.kind !== "atom" || !item.text.startsWith("$")) return undefined;
    this.at++;
    const name = item.text.slice(1);
    if (name.startsWith('"')) {
      const text = stringText({ ...item, kind: "string", raw: name });
      if (text === "") throw errorAt(item, "empty identifier");
      return `$${text}`;
    }
    if (name === "" || name.includes('"')) throw errorAt(item, `malformed identifier ${item.text}`);
    return item.text;
  }

  /**
   * Checks that every item was read.
   *
   * @throws {WastSyntaxError} naming the first item left.
   */
  end(): void {
    const item = this.peek();
    if (item !== undefined) throw errorAt(item, `unexpected ${describe(item)} in ${this.head}`);
  }

  /** An error at `item` (or at the list's end when absent): `what` was expected. */
  unexpected(item: SExpr | undefined, what: string): WastSyntaxError {
    if (item === undefined) return errorAt(this.list, `${this.head}: ${what} expected`);
    return errorAt(item, `${this.head}: ${what} expected, got ${describe(item)}`);
  }

  private stringNode(what: string): SString {
    const item = this.next();
    if (item?.kind !== "string") throw this.unexpected(item, what);
    return item;
  }
}

/** A syntax error at `span`. */
export function errorAt(span: SourceSpan, reason: string): WastSyntaxError {
  return new WastSyntaxError(reason, span.line, span.column);
}

/** `node` in a few words, for messages. */
export function describe(node: SExpr): string {
  switch (node.kind) {
    case "atom":
      return node.text;
    case "string":
      return node.raw.length > 30 ? `${node.raw.slice(0, 30)}..."` : node.raw;
    case "list": {
      const head = node.items[0];
      return head?.kind === "atom" ? `(${head.text} ...)` : "a list";
    }
  }
}
