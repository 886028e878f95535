import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ArityMismatchError, Trap, V128, ValueRangeError } from "@wasmcall/core-types";
import { Engine, type Func, Instance, Module, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { typed, typedHost } from "@wasmcall/typed-func";
import { beforeAll, describe, expect, it } from "vitest";

const TEXT = `(module
  (import "env" "host" (func $host (param i32) (result i32)))
  (table $t 2 funcref)
  (elem (table $t) (i32.const 0) func $add $nop)
  (func $nop (export "nop"))
  (func $add (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
  (func (export "id64") (param i64) (result i64) (local.get 0))
  (func (export "idf32") (param f32) (result f32) (local.get 0))
  (func (export "idf64") (param f64) (result f64) (local.get 0))
  (func (export "f32_bits") (param f32) (result i32) (i32.reinterpret_f32 (local.get 0)))
  (func (export "idext") (param externref) (result externref) (local.get 0))
  (func (export "idfunc") (param funcref) (result funcref) (local.get 0))
  (func (export "elem") (param i32) (result funcref) (table.get $t (local.get 0)))
  (func (export "mix") (param i32 i64 f32 f64 externref funcref)
    (result funcref f64 f32 i64 i32 externref)
    (local.get 5) (local.get 3) (local.get 2) (local.get 1) (local.get 0) (local.get 4))
  (func (export "sum6") (param i32 i32 i32 i32 i32 i32) (result i32)
    (i32.add (i32.add (i32.add (local.get 0) (local.get 1)) (i32.add (local.get 2) (local.get 3)))
      (i32.add (local.get 4) (local.get 5))))
  (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $recurse (export "recurse") (call $recurse))
  (func (export "call_host") (param i32) (result i32) (call $host (local.get 0)))
  (func (export "add4") (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1))))`;

/** The module's functions in a fresh engine with `codegen`, and a typed call of each. */
function setup(bytes: Uint8Array, codegen: boolean) {
  const engine = new Engine({ codegen });
  const store = new Store(engine);
  const boom = new Error("boom");
  const host = typedHost(store, ["i32"], ["i32"], (x) => {
    if (x === 13) throw boom;
    return x + 1;
  });
  const instance = new Instance(store, new Module(engine, bytes), [host]);
  const func = (name: string) => instance.getFunc(name) as Func;
  /** The typed call of `name` with its own signature, its parameters left unchecked by TS. */
  const call = (name: string) => {
    const f = func(name);
    return typed(f, f.ty().params, f.ty().results).call as (...args: unknown[]) => unknown;
  };
  return { engine, store, func, call, boom };
}

/** What a call gives: its value, or its error's class and message; Funcs by name. */
function outcome(attempt: () => unknown): string {
  const show = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(show).join(", ")}]`;
    if (typeof v === "bigint") return `${v}n`;
    if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
    if (v instanceof V128) return `V128(${[...v.i32x4()].join(" ")})`;
    if (typeof v === "object" && v !== null && "name" in v && "js" in v) return `Func(${v.name})`;
    return typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);
  };
  try {
    return show(attempt());
  } catch (error) {
    const e = error as Error & { trapCode?: string };
    return `${e.name}${e.trapCode === undefined ? "" : `(${e.trapCode})`}: ${e.message}`;
  }
}

/** Every case, run through the typed calls of an engine with `codegen`. */
function cases(bytes: Uint8Array, codegen: boolean): string[] {
  const { call, func, boom } = setup(bytes, codegen);
  const other = setup(bytes, codegen);
  const add = call("add");
  const token = { token: 1 };
  const tries: [string, () => unknown][] = [
    ["nop", () => call("nop")()],
    ["nop with an argument", () => call("nop")(1)],
    ["add", () => add(40, 2)],
    ["add uint32", () => add(2 ** 32 - 1, 0)],
    ["add -0", () => add(-0, -0)],
    ["add too many", () => add(1, 2, 3)],
    ["add too few", () => add(1)],
    ["add none", () => add()],
    ["add undefined", () => add(1, undefined)],
    ["add 1.5", () => add(1.5, 2)],
    ["add 2^32", () => add(1, 2 ** 32)],
    ["add NaN", () => add(Number.NaN, 2)],
    ["add string", () => add("1", 2)],
    ["add bigint", () => add(1, 1n)],
    ["add valueOf", () => add({ valueOf: () => 1 }, 2)],
    ["id64", () => call("id64")(2n ** 64n - 1n)],
    ["id64 min", () => call("id64")(-(2n ** 63n))],
    ["id64 number", () => call("id64")(1)],
    ["id64 2^64", () => call("id64")(2n ** 64n)],
    ["idf32", () => call("idf32")(1.5)],
    ["idf32 NaN", () => call("idf32")(Number.NaN)],
    ["idf32 -Infinity", () => call("idf32")(-Infinity)],
    ["idf32 0.1", () => call("idf32")(0.1)],
    ["f32_bits NaN", () => call("f32_bits")(Number.NaN)],
    ["idf64", () => call("idf64")(0.1)],
    ["idf64 -0", () => call("idf64")(-0)],
    ["idf64 NaN", () => call("idf64")(Number.NaN)],
    ["idf64 string", () => call("idf64")("1")],
    ["idf64 too many", () => call("idf64")(1, 2)],
    ["idext", () => call("idext")(token)],
    ["idext undefined", () => call("idext")(undefined)],
    ["idext missing", () => call("idext")()],
    ["idfunc", () => call("idfunc")(func("add"))],
    ["idfunc null", () => call("idfunc")(null)],
    ["idfunc js", () => call("idfunc")(func("add").js)],
    ["idfunc undefined", () => call("idfunc")(undefined)],
    ["idfunc foreign", () => call("idfunc")(other.func("add"))],
    ["elem", () => call("elem")(1)],
    ["elem out of range", () => call("elem")(5)],
    ["mix", () => call("mix")(-7, -1n, 0.5, 0.25, token, func("nop"))],
    ["mix null", () => call("mix")(1, 2n, Number.NaN, Number.NaN, null, null)],
    ["mix bad f32", () => call("mix")(1, 2n, 0.1, 0, null, null)],
    ["mix bad funcref", () => call("mix")(1, 2n, 0, 0, null, {})],
    ["mix too few", () => call("mix")(1, 2n, 0, 0, null)],
    ["sum6", () => call("sum6")(1, 2, 3, 4, 5, 6)],
    ["sum6 too few", () => call("sum6")(1, 2, 3)],
    ["sum6 too many", () => call("sum6")(1, 2, 3, 4, 5, 6, 7)],
    ["sum6 bad", () => call("sum6")(1, 2, 3, 4, 5, 0.5)],
    ["div", () => call("div")(-7, 2)],
    ["div by zero", () => call("div")(1, 0)],
    ["div overflow", () => call("div")(-(2 ** 31), -1)],
    ["div after traps", () => call("div")(9, 3)],
    ["recurse", () => call("recurse")()],
    ["call_host", () => call("call_host")(1)],
    ["call_host throws", () => call("call_host")(13)],
    [
      "call_host throws the host's own error",
      () => {
        try {
          call("call_host")(13);
        } catch (e) {
          return e === boom;
        }
      },
    ],
    ["add4", () => call("add4")(V128.fromI32x4([1, 2, 3, -1]), V128.fromI32x4([1, 1, 1, 1]))],
    ["add4 too few", () => call("add4")(V128.zero())],
    ["add4 bad", () => call("add4")(V128.zero(), new Uint8Array(16))],
  ];
  return tries.map(([what, attempt]) => `${what}: ${outcome(attempt)}`);
}

describe("typed calls generated per signature", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await wat(TEXT);
  });

  it("are generated by default, closures when the engine is made with codegen: false", () => {
    // White-box: the generated function is named typedCall, the closures are not.
    const generated = setup(bytes, true);
    const closures = setup(bytes, false);
    for (const name of ["nop", "add", "id64", "idf32", "idext", "idfunc", "mix", "sum6"]) {
      expect(generated.call(name).name).toBe("typedCall");
      expect(closures.call(name).name).not.toBe("typedCall");
    }
    // v128 cannot cross the JavaScript boundary: the slots path, either way.
    expect(generated.call("add4").name).not.toBe("typedCall");
  });

  it("give the same values and errors as the closures", () => {
    const generated = cases(bytes, true);
    const closures = cases(bytes, false);
    expect(generated).toEqual(closures);
    expect(generated).toContain("add: 42");
    expect(generated).toContain("add uint32: -1");
    expect(generated).toContain("id64: -1n");
    expect(generated).toContain("idf32 NaN: NaN");
    expect(generated).toContain("idfunc: Func(add)");
    expect(generated).toContain('mix: [Func(nop), 0.25, 0.5, -1n, -7, {"token":1}]');
    expect(generated).toContain("mix null: [null, NaN, NaN, 2n, 1, null]");
    expect(generated).toContain("sum6: 21");
    expect(generated).toContain("div after traps: 3");
    expect(generated).toContain("call_host throws the host's own error: true");
    expect(generated).toContain("add4: V128(2 3 4 0)");
  });

  it("count their arguments: too many and too few are ArityMismatchErrors", () => {
    for (const codegen of [true, false]) {
      const { func } = setup(bytes, codegen);
      const add = typed(func("add"), ["i32", "i32"], ["i32"]).call as (...a: number[]) => number;
      expect(() => add(1, 2, 3)).toThrow(ArityMismatchError);
      expect(() => add(1, 2, 3)).toThrow("add (i32, i32) -> i32: expected 2 arguments, got 3");
      expect(() => add(1)).toThrow(ArityMismatchError);
      expect(() => add(1)).toThrow("add (i32, i32) -> i32: expected 2 arguments, got 1");
      const nop = typed(func("nop"), [], []).call as (...a: unknown[]) => void;
      expect(() => nop(undefined)).toThrow("nop () -> (): expected 0 arguments, got 1");
      const idext = typed(func("idext"), ["externref"], ["externref"]).call as () => unknown;
      // A missing externref is not read as undefined: it is counted.
      expect(() => idext()).toThrow(ArityMismatchError);
      try {
        add(1, 2, 3);
      } catch (e) {
        expect((e as ArityMismatchError).expected).toBe(2);
        expect((e as ArityMismatchError).actual).toBe(3);
        expect((e as ArityMismatchError).what).toBe("arguments");
      }
    }
  });

  it("share the code of a signature between functions, each calling its own export", () => {
    const { func, store } = setup(bytes, true);
    const add = typed(func("add"), ["i32", "i32"], ["i32"]).call;
    const div = typed(func("div"), ["i32", "i32"], ["i32"]).call;
    expect(add(7, 2)).toBe(9);
    expect(div(7, 2)).toBe(3);
    expect(() => div(7, 0)).toThrow(Trap);
    expect(() => div(7, 0.5)).toThrow("(div (i32, i32) -> i32: argument 1)");
    // A second store's function of the same signature: its own store for funcrefs.
    const other = setup(bytes, true);
    const id = typed(func("idfunc"), ["funcref"], ["funcref"]).call;
    const id2 = typed(other.func("idfunc"), ["funcref"], ["funcref"]).call;
    expect(id(func("nop"))).toBe(func("nop"));
    expect(id2(other.func("nop"))).toBe(other.func("nop"));
    expect(() => id(other.func("nop"))).toThrow("belongs to another store");
    expect(() => id2(func("nop"))).toThrow("belongs to another store");
    expect(store === other.store).toBe(false);
  });

  it("refuse without converting, whatever path", () => {
    for (const codegen of [true, false]) {
      const { call } = setup(bytes, codegen);
      let reads = 0;
      const sneaky = {
        valueOf() {
          reads++;
          return 1;
        },
      };
      expect(() => call("add")(sneaky, 1)).toThrow(ValueRangeError);
      expect(() => call("idf64")(sneaky)).toThrow(ValueRangeError);
      expect(() => call("id64")(sneaky)).toThrow(ValueRangeError);
      expect(reads).toBe(0);
    }
  });

  it("fall back to the closures where the host refuses new Function", () => {
    const typedFunc = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const runtime = fileURLToPath(import.meta.resolve("@wasmcall/runtime"));
    const script = `
      const { Engine, Store, Module, Instance, Func } = await import(${JSON.stringify(runtime)});
      const { typed, typedHost } = await import(${JSON.stringify(typedFunc)});
      const bytes = Buffer.from(process.argv[1], "base64");
      const engine = new Engine();
      const store = new Store(engine);
      const host = typedHost(store, ["i32"], ["i32"], (x) => x + 1);
      const instance = new Instance(store, new Module(engine, bytes), [host]);
      const t = (name) => { const f = instance.getFunc(name); return typed(f, f.ty().params, f.ty().results).call; };
      const outcome = (attempt) => {
        try { return String(attempt()); }
        catch (e) { return e.name + (e.trapCode ? "(" + e.trapCode + ")" : "") + ": " + e.message; }
      };
      let refused = "";
      try { new Function("return 1"); } catch (error) { refused = error.name; }
      console.log(JSON.stringify({
        refused,
        names: [t("add").name, t("mix").name, t("sum6").name],
        add: t("add")(40, 2),
        arity: outcome(() => t("add")(1, 2, 3)),
        few: outcome(() => t("add")(1)),
        bad: outcome(() => t("add")(1.5, 2)),
        mix: outcome(() => t("mix")(1, 2n, 0.5, Number.NaN, null, instance.getFunc("nop"))),
        sum6: t("sum6")(1, 2, 3, 4, 5, 6),
        host: t("call_host")(1),
        trap: outcome(() => t("div")(1, 0)),
      }));
    `;
    const out = execFileSync(
      process.execPath,
      [
        "--disallow-code-generation-from-strings",
        "--input-type=module",
        "-e",
        script,
        Buffer.from(bytes).toString("base64"),
      ],
      { encoding: "utf8" },
    );
    const result = JSON.parse(out);
    expect(result.refused).toBe("EvalError");
    expect(result.names.includes("typedCall")).toBe(false);
    expect(result).toMatchObject({
      add: 42,
      arity: "ArityMismatchError: add (i32, i32) -> i32: expected 2 arguments, got 3",
      few: "ArityMismatchError: add (i32, i32) -> i32: expected 2 arguments, got 1",
      bad:
        "ValueRangeError: invalid i32 value 1.5: not an integer in -2^31..2^32-1 " +
        "(add (i32, i32) -> i32: argument 0)",
      mix: "nop () -> (),NaN,0.5,2,1,",
      sum6: 21,
      host: 2,
      trap: expect.stringMatching(/^Trap\(INTEGER_DIVIDE_BY_ZERO\): /),
    });
  });
});
