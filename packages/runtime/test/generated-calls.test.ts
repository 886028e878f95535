import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { TypeMismatchError, V128, Val } from "@wasmcall/core-types";
import { Engine, type Func, Instance, Module, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { beforeAll, describe, expect, it } from "vitest";

const TEXT = `(module
  (func $nop (export "nop"))
  (func (export "mix") (param i32 i64 f32 f64) (result i64 f32 f64 i32)
    local.get 1 local.get 2 local.get 3 local.get 0)
  (func (export "refs") (param funcref externref) (result externref funcref)
    local.get 1 local.get 0)
  (func (export "vec") (param v128 i32) (result v128)
    local.get 0 local.get 1 i32x4.splat i32x4.add)
  (func (export "wide") (param i32 i32 i32 i32 i32 i32 f64 i32) (result f64)
    local.get 6)
  (func (export "div") (param i32 i32) (result i32) local.get 0 local.get 1 i32.div_s))`;

/** A call of `name` in an instance of TEXT in a fresh engine with `codegen`, as results. */
function calls(bytes: Uint8Array, codegen: boolean) {
  const engine = new Engine({ codegen });
  const store = new Store(engine);
  const instance = new Instance(store, new Module(engine, bytes), []);
  const func = (name: string) => instance.getFunc(name) as Func;
  const call = (name: string, args: Val[]): Val[] => {
    const f = func(name);
    const results = f.ty().results.map(() => Val.cell());
    f.plan().call(store, f, args, results, store);
    return results;
  };
  return { engine, store, func, call };
}

describe("calls generated per signature", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await wat(TEXT);
  });

  it("are made where the host allows it, unless the engine is told not to", () => {
    const t = (e: Engine) => e.callPlan(e.funcType(["i32"], ["i32"]));
    expect(t(new Engine()).generated).toBe(true);
    expect(t(new Engine({ codegen: true })).generated).toBe(true);
    expect(t(new Engine({ codegen: false })).generated).toBe(false);
    expect(() => new Engine({ codegen: "no" as unknown as boolean })).toThrow(
      new TypeMismatchError("Engine: options.codegen", "a boolean", "string"),
    );
  });

  it("give the same exact values as the closures, NaN payloads and v128 included", () => {
    const nanF32 = Val.f32Bits(0x7fa00001);
    const nanF64 = Val.f64Words(0x1, 0x7ff40000);
    for (const codegen of [true, false]) {
      const { call, func } = calls(bytes, codegen);
      const mix = call("mix", [Val.i32(-7), Val.i64(-(2n ** 63n)), nanF32, nanF64]);
      expect(mix.map(String)).toEqual([
        "i64:-9223372036854775808",
        "f32:0x7fa00001",
        "f64:0x7ff4000000000001",
        "i32:-7",
      ]);
      const nop = func("nop");
      const token = { token: 1 };
      const refs = call("refs", [Val.funcref(nop), Val.externref(token)]);
      expect(refs[0]?.externref()).toBe(token);
      expect(refs[1]?.funcref()).toBe(nop);
      const vec = call("vec", [Val.v128(V128.fromI32x4([1, 2, 3, -1])), Val.i32(1)]);
      expect([...(vec[0]?.v128().i32x4() ?? [])]).toEqual([2, 3, 4, 0]);
      const wide = [1, 2, 3, 4, 5, 6].map(Val.i32);
      expect(String(call("wide", [...wide, nanF64, Val.i32(8)])[0])).toBe("f64:0x7ff4000000000001");
      expect(String(call("wide", [...wide, Val.f64(-0), Val.i32(8)])[0])).toBe(
        "f64:0x8000000000000000",
      );
    }
  });

  it("refuse what the closures refuse, with the same errors, and trap the same", () => {
    const outcome = (codegen: boolean) => {
      const { call, func, store } = calls(bytes, codegen);
      const other = calls(bytes, codegen);
      const tries: [string, () => unknown][] = [
        ["arity", () => call("div", [Val.i32(1)])],
        ["type", () => call("div", [Val.i32(1), Val.i64(1n)])],
        ["forged", () => call("div", [Val.i32(1), { type: "i32", lo: 1 } as unknown as Val])],
        ["foreign funcref", () => call("refs", [Val.funcref(other.func("nop")), Val.externref(0)])],
        ["trap", () => call("div", [Val.i32(1), Val.i32(0)])],
        [
          "results",
          () =>
            func("div")
              .plan()
              .call(
                store,
                func("div"),
                [Val.i32(1), Val.i32(1)],
                Object.freeze([Val.i32(0)]) as Val[],
                store,
              ),
        ],
        [
          "store",
          () =>
            func("div")
              .plan()
              .call(other.store, func("div"), [Val.i32(1), Val.i32(1)], [Val.cell()], store),
        ],
      ];
      return tries.map(([what, attempt]) => {
        try {
          attempt();
          return `${what}: no error`;
        } catch (error) {
          return `${what}: ${(error as Error).name}: ${(error as Error).message}`;
        }
      });
    };
    const generated = outcome(true);
    expect(generated).toEqual(outcome(false));
    expect(generated.every((line) => !line.endsWith("no error"))).toBe(true);
  });

  it("fall back to closures where the host refuses new Function, exact and checked", async () => {
    const runtime = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const coreTypes = fileURLToPath(import.meta.resolve("@wasmcall/core-types"));
    const script = `
      const { Engine, Store, Module, Instance } = await import(${JSON.stringify(runtime)});
      const { Val } = await import(${JSON.stringify(coreTypes)});
      const bytes = Buffer.from(process.argv[1], "base64");
      const engine = new Engine();
      const store = new Store(engine);
      const instance = new Instance(store, new Module(engine, bytes), []);
      const mix = instance.getFunc("mix");
      const results = [Val.cell(), Val.cell(), Val.cell(), Val.cell()];
      mix.plan().call(store, mix, [Val.i32(3), Val.i64(4n), Val.f32Bits(0x7fa00001), Val.f64(0.5)], results, store);
      let refused = "";
      try { new Function("return 1"); } catch (error) { refused = error.name; }
      console.log(JSON.stringify({ refused, generated: mix.plan().generated, results: results.map(String) }));
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
    expect(JSON.parse(out)).toEqual({
      refused: "EvalError",
      generated: false,
      results: ["i64:4", "f32:0x7fa00001", "f64:0x3fe0000000000000", "i32:3"],
    });
  });
});
