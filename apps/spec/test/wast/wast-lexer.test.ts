import { describe, expect, it } from "vitest";
import { WastLexer } from "../../src/wast/wast-lexer.js";
import { WastSyntaxError } from "../../src/wast/wast-syntax-error.js";

/** Every token of `source` as `kind:text@line:column`. */
function tokens(source: string): string[] {
  const lexer = new WastLexer(source);
  const out: string[] = [];
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) {
    out.push(`${t.kind}:${source.slice(t.start, t.end)}@${t.line}:${t.column}`);
  }
  return out;
}

function lexError(source: string): WastSyntaxError {
  try {
    tokens(source);
  } catch (error) {
    if (error instanceof WastSyntaxError) return error;
    throw error;
  }
  throw new Error(`no error for ${JSON.stringify(source)}`);
}

describe("WastLexer", () => {
  it("splits parentheses, keywords, ids, numbers and strings", () => {
    expect(tokens('(module $m (func (export "f") (i32.const -0x1_0)))')).toEqual([
      "lparen:(@1:1",
      "atom:module@1:2",
      "atom:$m@1:9",
      "lparen:(@1:12",
      "atom:func@1:13",
      "lparen:(@1:18",
      "atom:export@1:19",
      'string:"f"@1:26',
      "rparen:)@1:29",
      "lparen:(@1:31",
      "atom:i32.const@1:32",
      "atom:-0x1_0@1:42",
      "rparen:)@1:48",
      "rparen:)@1:49",
      "rparen:)@1:50",
    ]);
  });

  it("skips line comments up to the end of the line, and lets them end a token", () => {
    expect(tokens(";; a (comment\nnop;;bla\n;;;;\n(;;)x")).toEqual(["atom:nop@2:1", "atom:x@4:5"]);
  });

  it("skips nested block comments, with parentheses, quotes and newlines inside", () => {
    expect(tokens('(;a(;b\n(;c;)\n;)";)y')).toEqual(["atom:y@3:6"]);
    expect(tokens("(;(((( ;)x (;)))));)y")).toEqual(["atom:x@1:10", "atom:y@1:21"]);
    expect(tokens("(;comment;)((;comment;)\n(;comment;)module(;comment;)")).toEqual([
      "lparen:(@1:12",
      "atom:module@2:12",
    ]);
  });

  it("reports an unclosed block comment where it starts", () => {
    const error = lexError("x\n  (; (; ;)\n");
    expect(error.reason).toBe("unclosed block comment");
    expect([error.line, error.column]).toEqual([2, 3]);
  });

  it("reads strings with escapes and parentheses inside as one token", () => {
    expect(tokens('"a)(b" "\\"" "\\\\" "\\u{1F600}\\ff"')).toEqual([
      'string:"a)(b"@1:1',
      'string:"\\""@1:8',
      'string:"\\\\"@1:13',
      'string:"\\u{1F600}\\ff"@1:18',
    ]);
  });

  it("refuses an unclosed string and a control character in a string", () => {
    expect(lexError('(data "abc').reason).toBe("unclosed string");
    expect(lexError('"a\nb"').reason).toBe("unclosed string");
    expect(lexError('"a\tb"').reason).toBe("illegal control character U+0009 in string");
  });

  it("keeps ids and reserved tokens that have strings inside as one atom", () => {
    expect(tokens('$"a b" $l$l x-y$yz"aa"-2 0$"l"')).toEqual([
      'atom:$"a b"@1:1',
      "atom:$l$l@1:8",
      'atom:x-y$yz"aa"-2@1:13',
      'atom:0$"l"@1:26',
    ]);
  });

  it("lexes reserved characters , ; [ ] { } into atoms, ;; still a comment", () => {
    expect(tokens("(@a , ; ] [ }} }x{ ({) ,{{};}] ;)")).toEqual([
      "annotation:(@1:1",
      "atom:@a@1:2",
      "atom:,@1:5",
      "atom:;@1:7",
      "atom:]@1:9",
      "atom:[@1:11",
      "atom:}}@1:13",
      "atom:}x{@1:16",
      "lparen:(@1:20",
      "atom:{@1:21",
      "rparen:)@1:22",
      "atom:,{{};}]@1:24",
      "atom:;@1:32",
      "rparen:)@1:33",
    ]);
  });

  it("tells an annotation `(@` from `( @`", () => {
    expect(tokens('(@name x) ( @a) (@"s")')).toEqual([
      "annotation:(@1:1",
      "atom:@name@1:2",
      "atom:x@1:8",
      "rparen:)@1:9",
      "lparen:(@1:11",
      "atom:@a@1:13",
      "rparen:)@1:15",
      "annotation:(@1:17",
      'atom:@"s"@1:18',
      "rparen:)@1:22",
    ]);
  });

  it("counts lines at LF, CR LF and a lone CR; columns from the line start", () => {
    expect(tokens("a\r\nb\rc\n\n  d")).toEqual([
      "atom:a@1:1",
      "atom:b@2:1",
      "atom:c@3:1",
      "atom:d@5:3",
    ]);
  });

  it("refuses characters that may not stand outside strings and comments", () => {
    const error = lexError("(module\n  (func) é)");
    expect(error.reason).toBe("illegal character U+00E9");
    expect([error.line, error.column]).toEqual([2, 10]);
    expect(lexError("a\u0000").reason).toBe("illegal character U+0000");
    expect(tokens(";; é\n(;é\u0000;)")).toEqual([]);
  });
});
