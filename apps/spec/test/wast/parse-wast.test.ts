import { describe, expect, it } from "vitest";
import { parseWast } from "../../src/wast/parse-wast.js";
import { quotedModuleText } from "../../src/wast/quoted-module-text.js";
import type { WastCommand } from "../../src/wast/wast-command.js";
import { WastSyntaxError } from "../../src/wast/wast-syntax-error.js";
import { v128Bytes } from "../../src/wast/wast-value.js";

const commands = (source: string): readonly WastCommand[] => parseWast(source, "t.wast").commands;
const only = (source: string): WastCommand => {
  const all = commands(source);
  expect(all).toHaveLength(1);
  return all[0] as WastCommand;
};
const expectedOf = (result: string) => {
  const command = only(`(assert_return (invoke "f") ${result})`);
  if (command.type !== "assert_return") throw new Error("not assert_return");
  return command.expected;
};
const argsOf = (args: string) => {
  const command = only(`(invoke "f" ${args})`);
  if (command.type !== "action" || command.action.type !== "invoke") throw new Error("no invoke");
  return command.action.args;
};
const syntaxError = (source: string): WastSyntaxError => {
  try {
    parseWast(source, "t.wast");
  } catch (error) {
    if (error instanceof WastSyntaxError) return error;
    throw error;
  }
  throw new Error("no syntax error");
};

describe("parseWast: modules", () => {
  it("keeps an inline module's text exactly, annotations and comments included", () => {
    const source = ';; header\n(module $M\n  (@name "x") (func (;c;) (export "f"))) ;; tail';
    expect(commands(source)).toEqual([
      {
        type: "module",
        line: 2,
        name: "$M",
        module: { kind: "text", text: '(module $M\n  (@name "x") (func (;c;) (export "f")))' },
      },
    ]);
  });

  it("decodes (module binary ...) strings into bytes, concatenated", () => {
    const command = only('(module $B binary "\\00asm" "\\01\\00\\00\\00")');
    expect(command).toMatchObject({ type: "module", name: "$B" });
    if (command.type !== "module" || command.module.kind !== "binary") throw new Error("binary");
    expect([...command.module.bytes]).toEqual([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  });

  it("concatenates (module quote ...) strings without separators", () => {
    const command = only('(module quote "(func" " (export \\"f\\"))" "\\0a")');
    expect(command).toMatchObject({
      type: "module",
      module: { kind: "quote", text: '(func (export "f"))\n', validUtf8: true },
    });
  });

  it("flags quoted text that is not UTF-8, keeping the exact bytes", () => {
    const command = only(
      '(assert_malformed (module quote "(@a \\80)") "malformed UTF-8 encoding")',
    );
    if (command.type !== "assert_malformed" || command.module.kind !== "quote") throw new Error();
    expect(command.module.validUtf8).toBe(false);
    expect([...command.module.bytes]).toEqual([0x28, 0x40, 0x61, 0x20, 0x80, 0x29]);
    expect(command.module.text).toBe("(@a \ufffd)");
  });

  it("reads module definitions and instances", () => {
    const source = [
      "(module definition $M (memory 1))",
      '(module definition binary "\\00asm\\01\\00\\00\\00")',
      "(module instance $I1 $M)",
      "(module instance $I2)",
      "(module instance)",
    ].join("\n");
    expect(commands(source)).toEqual([
      {
        type: "module_definition",
        line: 1,
        name: "$M",
        module: { kind: "text", text: "(module $M (memory 1))" },
      },
      {
        type: "module_definition",
        line: 2,
        module: { kind: "binary", bytes: new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]) },
      },
      { type: "module_instance", line: 3, name: "$I1", definition: "$M" },
      { type: "module_instance", line: 4, name: "$I2" },
      { type: "module_instance", line: 5 },
    ]);
  });

  it("reads a script of bare module fields as one module", () => {
    expect(commands('(func) (memory 0) (func (export "f"))\n')).toEqual([
      {
        type: "module",
        line: 1,
        module: { kind: "text", text: '(module (func) (memory 0) (func (export "f"))\n\n)' },
      },
    ]);
  });

  it('reads names written as strings, $"M" being $M', () => {
    expect(commands('(module $"M" (func))\n(register "r" $"M")')).toMatchObject([
      { type: "module", name: "$M" },
      { type: "register", as: "r", name: "$M" },
    ]);
  });
});

describe("parseWast: commands", () => {
  it("reads register, actions and every assertion, with wast2json's lines", () => {
    const source = `(module $M (func (export "f")))
(register "m" $M)
(register "n")
(invoke "f")
(get $M "g")
(assert_return
  (invoke $M "f" (i32.const 1)) (i32.const 2))
(assert_trap (invoke "f") "unreachable")
(assert_trap
  (module (func $s unreachable) (start $s)) "unreachable")
(assert_exhaustion (invoke "f") "call stack exhausted")
(assert_exception (invoke "f"))
(assert_invalid
  (module (func (result i32))) "type mismatch")
(assert_malformed (module quote "(func") "unexpected end")
(assert_malformed (module binary "") "unexpected end")
(assert_unlinkable (module (import "m" "x" (func))) "unknown import")
(assert_uninstantiable (module binary "") "x")
(assert_malformed_custom (module quote "(@custom)") "@custom annotation")
(assert_invalid_custom (module) "x")`;
    expect(commands(source).map((c) => `${c.type}@${c.line}`)).toEqual([
      "module@1",
      "register@2",
      "register@3",
      "action@4",
      "action@5",
      "assert_return@7",
      "assert_trap@8",
      "assert_trap@10",
      "assert_exhaustion@11",
      "assert_exception@12",
      "assert_invalid@14",
      "assert_malformed@15",
      "assert_malformed@16",
      "assert_unlinkable@17",
      "assert_uninstantiable@18",
      "assert_malformed_custom@19",
      "assert_invalid_custom@20",
    ]);
    const all = commands(source);
    expect(all[1]).toEqual({ type: "register", line: 2, as: "m", name: "$M" });
    expect(all[2]).toEqual({ type: "register", line: 3, as: "n" });
    expect(all[4]).toEqual({
      type: "action",
      line: 5,
      action: { type: "get", module: "$M", field: "g" },
    });
    expect(all[5]).toEqual({
      type: "assert_return",
      line: 7,
      action: { type: "invoke", module: "$M", field: "f", args: [{ type: "i32", bits: 1 }] },
      expected: [{ type: "i32", bits: 2 }],
    });
    expect(all[6]).toMatchObject({
      type: "assert_trap",
      text: "unreachable",
      action: { field: "f" },
    });
    expect(all[7]).toMatchObject({
      type: "assert_trap",
      text: "unreachable",
      module: { kind: "text", text: "(module (func $s unreachable) (start $s))" },
    });
    expect(all[7]?.type === "assert_trap" && all[7].action).toBeUndefined();
    expect(all[9]).toEqual({
      type: "assert_exception",
      line: 12,
      action: { type: "invoke", field: "f", args: [] },
    });
    expect(all[10]).toMatchObject({ type: "assert_invalid", text: "type mismatch" });
  });

  it("skips annotations between commands and inside script-level lists", () => {
    expect(commands('(@a x) (module) (@b (y)) (assert_return (@c) (invoke "f" (@d)))')).toEqual([
      { type: "module", line: 1, module: { kind: "text", text: "(module)" } },
      {
        type: "assert_return",
        line: 1,
        action: { type: "invoke", field: "f", args: [] },
        expected: [],
      },
    ]);
  });

  it("reads export names with escapes as UTF-8 text", () => {
    expect(only('(invoke "\\u{1F600}\\41\\c3\\a9")')).toMatchObject({ action: { field: "😀Aé" } });
  });
});

describe("parseWast: values", () => {
  it("reads numbers as raw unsigned bits", () => {
    expect(
      argsOf("(i32.const -1) (i64.const -1) (f32.const -0x1p-149) (f64.const -nan:0x1)"),
    ).toEqual([
      { type: "i32", bits: 0xffffffff },
      { type: "i64", bits: 0xffffffffffffffffn },
      { type: "f32", bits: 0x80000001 },
      { type: "f64", bits: 0xfff0000000000001n },
    ]);
  });

  it("reads v128 constants lane by lane in every shape", () => {
    expect(argsOf("(v128.const i8x16 -1 255 0 1 2 3 4 5 6 7 8 9 10 11 12 -128)")).toEqual([
      {
        type: "v128",
        shape: "i8x16",
        lanes: [255n, 255n, 0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n, 12n, 128n],
      },
    ]);
    expect(argsOf("(v128.const i16x8 -1 0 0 0 0 0 0 0x8000)")).toMatchObject([
      { shape: "i16x8", lanes: [0xffffn, 0n, 0n, 0n, 0n, 0n, 0n, 0x8000n] },
    ]);
    expect(argsOf("(v128.const i32x4 -1 0 1 0xffff_ffff)")).toMatchObject([
      { shape: "i32x4", lanes: [0xffffffffn, 0n, 1n, 0xffffffffn] },
    ]);
    expect(argsOf("(v128.const i64x2 -1 0x8000000000000000)")).toMatchObject([
      { shape: "i64x2", lanes: [0xffffffffffffffffn, 0x8000000000000000n] },
    ]);
    expect(argsOf("(v128.const f32x4 1 -0 nan:0x200000 inf)")).toMatchObject([
      { shape: "f32x4", lanes: [0x3f800000n, 0x80000000n, 0x7fa00000n, 0x7f800000n] },
    ]);
    expect(argsOf("(v128.const f64x2 0x1p-1074 -nan)")).toMatchObject([
      { shape: "f64x2", lanes: [1n, 0xfff8000000000000n] },
    ]);
    expect([...v128Bytes("i16x8", [0x0102n, 0n, 0n, 0n, 0n, 0n, 0n, 0xff00n])]).toEqual([
      2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff,
    ]);
  });

  it("reads reference arguments", () => {
    expect(argsOf("(ref.null func) (ref.null $t) (ref.extern 0) (ref.host 0x10)")).toEqual([
      { type: "ref.null", heap: "func" },
      { type: "ref.null", heap: "$t" },
      { type: "ref.extern", id: 0 },
      { type: "ref.host", id: 16 },
    ]);
  });

  it("refuses result patterns, missing or extra lanes and out-of-range literals as arguments", () => {
    expect(syntaxError('(invoke "f" (f32.const nan:canonical))').reason).toContain(
      "malformed f32 literal",
    );
    expect(syntaxError('(invoke "f" (ref.func))').reason).toContain("not an argument value");
    expect(syntaxError('(invoke "f" (ref.null))').reason).toContain("a heap type expected");
    expect(syntaxError('(invoke "f" (v128.const i32x4 1 2 3))').reason).toContain(
      "a number expected",
    );
    expect(syntaxError('(invoke "f" (v128.const i32x4 1 2 3 4 5))').reason).toContain(
      "unexpected 5",
    );
    expect(
      syntaxError('(invoke "f" (v128.const i8x16 256 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0))').reason,
    ).toContain("constant out of range");
    expect(syntaxError('(invoke "f"\n  (i32.const 0x1_0000_0000))')).toMatchObject({
      line: 2,
      column: 14,
    });
  });

  it("reads NaN patterns, per lane too", () => {
    expect(expectedOf("(f32.const nan:canonical) (f64.const nan:arithmetic)")).toEqual([
      { type: "f32", nan: "canonical" },
      { type: "f64", nan: "arithmetic" },
    ]);
    expect(expectedOf("(v128.const f32x4 nan:canonical 1 nan:arithmetic -0)")).toEqual([
      {
        type: "v128",
        shape: "f32x4",
        lanes: ["canonical", 0x3f800000n, "arithmetic", 0x80000000n],
      },
    ]);
    expect(syntaxError('(assert_return (invoke "f") (i32.const nan:canonical))').reason).toContain(
      "malformed integer literal",
    );
  });

  it("reads the reference patterns of 3.0 and either", () => {
    const results = expectedOf(
      "(ref.null any) (ref.null) (ref.extern 1) (ref.extern) (ref.host 2) (ref.func) (ref.func $f) " +
        "(ref.struct) (ref.array) (ref.i31) (ref.eq) (ref.any) (ref.exn) " +
        "(either (i32.const 1) (v128.const i8x16 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -1))",
    );
    expect(results).toEqual([
      { type: "ref.null", heap: "any" },
      { type: "ref.null" },
      { type: "ref.extern", id: 1 },
      { type: "ref.nonnull", kind: "extern" },
      { type: "ref.host", id: 2 },
      { type: "ref.nonnull", kind: "func" },
      { type: "ref.func", func: "$f" },
      { type: "ref.nonnull", kind: "struct" },
      { type: "ref.nonnull", kind: "array" },
      { type: "ref.nonnull", kind: "i31" },
      { type: "ref.nonnull", kind: "eq" },
      { type: "ref.nonnull", kind: "any" },
      { type: "ref.nonnull", kind: "exn" },
      {
        type: "either",
        options: [
          { type: "i32", bits: 1 },
          { type: "v128", shape: "i8x16", lanes: [...Array(15).fill(0n), 255n] },
        ],
      },
    ]);
    expect(syntaxError('(assert_return (invoke "f") (ref.none))').reason).toBe(
      "unknown constant ref.none",
    );
    expect(syntaxError('(assert_return (invoke "f") (either))').reason).toContain(
      "a result expected",
    );
  });
});

describe("parseWast: errors", () => {
  it("names file, line and column", () => {
    const error = syntaxError('(module)\n\n  (assert_retrun (invoke "f"))');
    expect(error.message).toBe("t.wast:3:3: unknown command assert_retrun");
  });

  it("refuses missing messages, stray items and malformed forms", () => {
    expect(syntaxError('(assert_trap (invoke "f"))').reason).toBe(
      "assert_trap: a failure message expected",
    );
    expect(syntaxError('(register "a" $M extra)').reason).toBe("unexpected extra in register");
    expect(syntaxError("(invoke f)").reason).toBe("invoke: an export name expected, got f");
    expect(syntaxError('(module binary "\\zz")').reason).toBe("unknown escape \\z in string");
    expect(syntaxError('(assert_invalid (invoke "f") "x")').reason).toBe("a module expected");
    expect(syntaxError('(module) (invoke "\\ff")').reason).toBe("malformed UTF-8 encoding");
    expect(syntaxError("(module) x").reason).toBe("a command expected");
    expect(syntaxError("(module").reason).toBe("unclosed (");
    expect(syntaxError("(module))").reason).toBe("unexpected )");
    expect(syntaxError("(script $s (module))").reason).toContain("not supported");
  });
});

describe("quotedModuleText", () => {
  it("keeps a whole quoted module and wraps bare fields", () => {
    expect(quotedModuleText(" ;; c\n(module (func))")).toBe(" ;; c\n(module (func))");
    expect(quotedModuleText("(;c;)(module $m)")).toBe("(;c;)(module $m)");
    expect(quotedModuleText("(func) ;; c")).toBe("(module (func) ;; c\n)");
    expect(quotedModuleText("")).toBe("(module \n)");
    expect(quotedModuleText('"unclosed')).toBe('(module "unclosed\n)');
  });
});
