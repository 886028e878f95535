import { WastSyntaxError } from "./wast-syntax-error.js";

/**
 * The kinds of token of the text format: `(`; `(` that opens an annotation (`(@`, the `@name`
 * that follows is an atom); `)`; a string literal standing alone; any other atom (keyword,
 * `$id`, number, or reserved token, which may have string literals inside: `$"a b"`).
 */
export type TokenKind = "lparen" | "annotation" | "rparen" | "string" | "atom";

/** One token, with where it is in the source. */
export interface Token {
  /** What the token is. */
  readonly kind: TokenKind;
  /** Its first UTF-16 offset in the source. */
  readonly start: number;
  /** The offset just after it. */
  readonly end: number;
  /** Its 1-based line. */
  readonly line: number;
  /** Its 1-based column (UTF-16 code units). */
  readonly column: number;
}

// idchar: 0-9 a-z A-Z ! # $ % & ' * + - . / : < = > ? @ \ ^ _ ` | ~
// reserved characters that may form (reserved) tokens too: , ; [ ] { }
const ATOM_CHAR = new Uint8Array(128);
for (const c of "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
  ATOM_CHAR[c.charCodeAt(0)] = 1;
}
for (const c of "!#$%&'*+-./:<=>?@\\^_`|~,;[]{}") ATOM_CHAR[c.charCodeAt(0)] = 1;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LPAREN = 0x28;
const RPAREN = 0x29;
const SEMICOLON = 0x3b;
const AT = 0x40;

/**
 * Splits text-format source into tokens, one at a time, as the WebAssembly text format
 * defines them: white space (space, tab, newlines), line comments `;;...`, nested block
 * comments `(;...;)`, parentheses, string literals and atoms. Lines count LF, CR and CR LF.
 */
export class WastLexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  /** Lexes `source`, starting at its beginning. */
  constructor(private readonly source: string) {}

  /**
   * The next token, or `undefined` at the end of the source.
   *
   * @throws {WastSyntaxError} for an unterminated string or block comment, a control
   * character in a string, or a character that may not stand outside strings and comments.
   */
  next(): Token | undefined {
    this.skipSpace();
    const s = this.source;
    if (this.pos >= s.length) return undefined;
    const start = this.pos;
    const line = this.line;
    const column = start - this.lineStart + 1;
    const c = s.charCodeAt(start);
    if (c === LPAREN) {
      this.pos++;
      const kind = s.charCodeAt(this.pos) === AT ? "annotation" : "lparen";
      return { kind, start, end: this.pos, line, column };
    }
    if (c === RPAREN) {
      this.pos++;
      return { kind: "rparen", start, end: this.pos, line, column };
    }
    let strings = 0;
    let others = 0;
    for (;;) {
      const d = s.charCodeAt(this.pos);
      if (d === QUOTE) {
        this.skipString();
        strings++;
      } else if (d < 128 && ATOM_CHAR[d] === 1) {
        if (d === SEMICOLON && s.charCodeAt(this.pos + 1) === SEMICOLON) break;
        this.pos++;
        others++;
      } else {
        break;
      }
    }
    if (this.pos === start) throw this.error(`illegal character ${describe(s, start)}`, start);
    const kind = strings === 1 && others === 0 ? "string" : "atom";
    return { kind, start, end: this.pos, line, column };
  }

  private skipSpace(): void {
    const s = this.source;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === SPACE || c === TAB) {
        this.pos++;
      } else if (c === LF || c === CR) {
        this.pos += c === CR && s.charCodeAt(this.pos + 1) === LF ? 2 : 1;
        this.newLine();
      } else if (c === SEMICOLON && s.charCodeAt(this.pos + 1) === SEMICOLON) {
        while (this.pos < s.length && !isNewline(s.charCodeAt(this.pos))) this.pos++;
      } else if (c === LPAREN && s.charCodeAt(this.pos + 1) === SEMICOLON) {
        this.skipBlockComment();
      } else {
        return;
      }
    }
  }

  private skipBlockComment(): void {
    const s = this.source;
    const line = this.line;
    const column = this.pos - this.lineStart + 1;
    let depth = 0;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      const d = s.charCodeAt(this.pos + 1);
      if (c === LPAREN && d === SEMICOLON) {
        depth++;
        this.pos += 2;
      } else if (c === SEMICOLON && d === RPAREN) {
        depth--;
        this.pos += 2;
        if (depth === 0) return;
      } else if (c === LF || c === CR) {
        this.pos += c === CR && d === LF ? 2 : 1;
        this.newLine();
      } else {
        this.pos++;
      }
    }
    throw new WastSyntaxError("unclosed block comment", line, column);
  }

  private skipString(): void {
    const s = this.source;
    const start = this.pos;
    this.pos++;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c === QUOTE) {
        this.pos++;
        return;
      }
      if (c === BACKSLASH) {
        this.pos += 2;
      } else if (c < 0x20 || c === 0x7f) {
        if (isNewline(c)) break;
        throw this.error(`illegal control character ${describe(s, this.pos)} in string`, this.pos);
      } else {
        this.pos++;
      }
    }
    throw this.error("unclosed string", start);
  }

  private newLine(): void {
    this.line++;
    this.lineStart = this.pos;
  }

  private error(reason: string, at: number): WastSyntaxError {
    // `at` is on the current line: strings and atoms never span lines.
    return new WastSyntaxError(reason, this.line, at - this.lineStart + 1);
  }
}

function isNewline(c: number): boolean {
  return c === LF || c === CR;
}

function describe(s: string, at: number): string {
  const code = s.codePointAt(at) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}
