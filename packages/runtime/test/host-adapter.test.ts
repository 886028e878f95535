import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  ArityMismatchError,
  type FuncType,
  StoreMismatchError,
  Trap,
  TypeMismatchError,
  Val,
  type ValType,
} from "@wasmcall/core-types";
import { Engine, Func, Instance, Module, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { afterEach, describe, expect, it, vi } from "vitest";
import { call } from "./support/slot-call.js";

function watSig(type: FuncType): string {
  const params = type.params.length ? `(param ${type.params.join(" ")})` : "";
  const results = type.results.length ? `(result ${type.results.join(" ")})` : "";
  return `${params} ${results}`;
}

/** A wasm function of `host`'s type that passes its parameters to `host`: a call from wasm. */
async function viaWasm(store: Store, host: Func): Promise<Func> {
  const sig = watSig(host.ty());
  const gets = host
    .ty()
    .params.map((_, i) => `local.get ${i}`)
    .join(" ");
  const module = new Module(
    store.engine,
    await wat(`(module
      (import "env" "host" (func $host ${sig}))
      (func (export "call") ${sig} ${gets} call $host))`),
  );
  return new Instance(store, module, [host]).getFunc("call") as Func;
}

/** The engines: code generated per signature (the adapter), and the closures over slots. */
const ENGINES = [
  ["generated code", () => new Engine()],
  ["closures (codegen: false)", () => new Engine({ codegen: false })],
] as const;

const F32_NANS = [0x7fa00000, 0xffc00001, 0x7f800001, 0xff812345];
const F64_NANS = [0x7ff4000000000001n, 0xfff8000000000abcn, 0x7ff0000000000001n];

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(ENGINES)("Func.host through %s", (_, makeEngine) => {
  it("passes f32 and f64 NaN payloads exactly, as parameters and as results", async () => {
    const engine = makeEngine();
    const store = new Store(engine);
    const seen: string[] = [];
    const f32Host = Func.host(store, engine.funcType(["f32"], ["f32"]), ([x], results) => {
      seen.push(String(x));
      results[0] = Val.f32Bits(((x as Val).f32Bits() ^ 1) >>> 0);
    });
    const f64Host = Func.host(store, engine.funcType(["f64"], ["f64"]), ([x], results) => {
      seen.push(String(x));
      results[0] = Val.f64Bits((x as Val).f64Bits() ^ 2n);
    });
    const f32Wasm = await viaWasm(store, f32Host);
    const f64Wasm = await viaWasm(store, f64Host);
    for (const bits of [...F32_NANS, 0x80000000, 0x3fc00000]) {
      for (const f of [f32Wasm, f32Host]) {
        expect(call(f, Val.f32Bits(bits))[0]?.f32Bits()).toBe((bits ^ 1) >>> 0);
      }
    }
    for (const bits of [...F64_NANS, 0x8000000000000000n, 0x3ff0000000000000n]) {
      for (const f of [f64Wasm, f64Host]) {
        expect(call(f, Val.f64Bits(bits))[0]?.f64Bits()).toBe(bits ^ 2n);
      }
    }
    expect(seen.slice(0, 2)).toEqual(["f32:0x7fa00000", "f32:0x7fa00000"]);
    expect(seen).toContain("f64:0x7ff4000000000001");
    expect(seen).toContain("f64:0xfff8000000000abc");
  });

  it("passes i64 extremes, i32 extremes and mixed parameters exactly", async () => {
    const engine = makeEngine();
    const store = new Store(engine);
    const params: ValType[] = ["i32", "i64", "f32", "f64", "i64", "f64", "i32", "f32"];
    // Returns parameter `pick` (an i32 as the last parameter), as an i64 of its bits.
    const host = Func.host(store, engine.funcType([...params, "i32"], ["i64"]), (ps, results) => {
      const v = ps[(ps[8] as Val).i32()] as Val;
      let bits: bigint;
      switch (v.type) {
        case "i32":
          bits = BigInt(v.i32());
          break;
        case "i64":
          bits = v.i64();
          break;
        case "f32":
          bits = BigInt(v.f32Bits());
          break;
        default:
          bits = BigInt.asIntN(64, v.f64Bits());
      }
      results[0] = Val.i64(bits);
    });
    const wasm = await viaWasm(store, host);
    const values = [
      Val.i32(-0x80000000),
      Val.i64(-(2n ** 63n)),
      Val.f32Bits(0xff812345),
      Val.f64Bits(0xfff4000000000001n),
      Val.i64(2n ** 63n - 1n),
      Val.f64Bits(0x0000000000000001n),
      Val.i32(0x7fffffff),
      Val.f32Bits(0x00000001),
    ];
    const expected = [
      -0x80000000n,
      -(2n ** 63n),
      0xff812345n,
      BigInt.asIntN(64, 0xfff4000000000001n),
      2n ** 63n - 1n,
      1n,
      0x7fffffffn,
      1n,
    ];
    for (const f of [wasm, host]) {
      values.forEach((_, k) => {
        expect(call(f, ...values, Val.i32(k))[0]?.i64(), `parameter ${k}`).toBe(expected[k]);
      });
    }
    const echo = Func.host(store, engine.funcType(["i64"], ["i64"]), ([x], results) => {
      results[0] = x as Val;
    });
    const echoWasm = await viaWasm(store, echo);
    for (const n of [-(2n ** 63n), 2n ** 63n - 1n, -1n, 0n, 2n ** 32n]) {
      expect(call(echoWasm, Val.i64(n))[0]?.i64()).toBe(n);
    }
  });

  it("passes externref and funcref values as the same objects both ways", async () => {
    const engine = makeEngine();
    const store = new Store(engine);
    const token = { token: true };
    const externEcho = Func.host(store, engine.funcType(["externref"], ["externref"]), ([x], r) => {
      r[0] = x as Val;
    });
    const viaExtern = await viaWasm(store, externEcho);
    for (const value of [token, null, undefined, 0, -0, "text", Symbol.for("s"), 10n]) {
      const [out] = call(viaExtern, Val.externref(value));
      expect(Object.is(out?.externref(), value), String(value)).toBe(true);
    }
    const nop = Func.host(store, engine.funcType([], []), () => {});
    const seen: unknown[] = [];
    const funcEcho = Func.host(store, engine.funcType(["funcref"], ["funcref"]), ([f], r) => {
      seen.push((f as Val).funcref());
      r[0] = f as Val;
    });
    const viaFunc = await viaWasm(store, funcEcho);
    expect(call(viaFunc, Val.funcref(nop))[0]?.funcref()).toBe(nop);
    expect(call(viaFunc, Val.funcref(funcEcho))[0]?.funcref()).toBe(funcEcho);
    expect(call(viaFunc, Val.funcref(null))[0]?.funcref()).toBeNull();
    expect(seen).toEqual([nop, funcEcho, null]);
  });

  it("still passes v128 and several results through the slot trampoline, exactly", async () => {
    const engine = makeEngine();
    const store = new Store(engine);
    const made = vi.spyOn(globalThis, "Function");
    const host = Func.host(
      store,
      engine.funcType(["v128", "f32"], ["v128", "f32"]),
      ([v, x], results) => {
        results[0] = Val.v128((v as Val).v128().bytes().reverse());
        results[1] = x as Val;
      },
    );
    expect(made).not.toHaveBeenCalled();
    const bytes = Array.from({ length: 16 }, (_, i) => i);
    const [v, x] = call(await viaWasm(store, host), Val.v128(bytes), Val.f32Bits(0x7fa00001));
    expect([...(v?.v128().bytes() ?? [])]).toEqual([...bytes].reverse());
    expect(x?.f32Bits()).toBe(0x7fa00001);
  });

  it("takes a signature whose f64 parameters the adapter could not pass, through the slots", async () => {
    const engine = makeEngine();
    const store = new Store(engine);
    // 600 f64 parameters would be 1200 i32 words for the adapter: more than a function may take.
    for (const n of [400, 600]) {
      const params: ValType[] = Array.from({ length: n }, () => "f64");
      const host = Func.host(store, engine.funcType([...params, "i32"], ["f64"]), (ps, r) => {
        r[0] = ps[(ps[n] as Val).i32()] as Val;
      });
      const values = params.map((_, i) => Val.f64Bits(0x7ff4000000000000n + BigInt(i + 1)));
      const wasm = await viaWasm(store, host);
      for (const k of [0, n - 1]) {
        expect(call(wasm, ...values, Val.i32(k))[0]?.f64Bits()).toBe(
          0x7ff4000000000000n + BigInt(k + 1),
        );
      }
    }
    // Compiling trampolines of functions of 400 and 600 parameters takes V8 a few hundred
    // milliseconds, and many times that on a machine busy with other tests.
  }, 60_000);

  it("gives a call nested inside the callback its own arrays, never the outer call's", async () => {
    const engine = makeEngine();
    const store = new Store(engine);
    const type = engine.funcType(["i32", "f64", "externref"], ["f64"]);
    let down: Func | undefined;
    const checked: number[] = [];
    const host = Func.host(store, type, (params, results) => {
      const n = (params[0] as Val).i32();
      const bits = 0x7ff4000000000000n + BigInt(n);
      const tag = { level: n };
      results[0] = Val.f64Bits(bits);
      if (n > 0) {
        // wasm -> this host function -> wasm -> this host function, one level down.
        const [inner] = call(down as Func, Val.i32(n - 1), Val.f64(n - 1), Val.externref(tag));
        expect(inner?.f64Bits()).toBe(0x7ff4000000000000n + BigInt(n - 1));
      }
      // This call's arrays hold what they held before the nested call.
      expect((params[0] as Val).i32()).toBe(n);
      expect((params[1] as Val).f64()).toBe(n);
      expect(params).toHaveLength(3);
      expect(results).toHaveLength(1);
      expect((results[0] as Val).f64Bits()).toBe(bits);
      checked.push(n);
    });
    down = await viaWasm(store, host);
    const [top] = call(down, Val.i32(50), Val.f64(50), Val.externref(null));
    expect(top?.f64Bits()).toBe(0x7ff4000000000032n);
    expect(checked).toEqual([...Array(51).keys()]);
  });
});

describe("Func.host errors, the same through generated code and through the closures", () => {
  /** What each misbehaving host function throws to its wasm caller, as text. */
  async function outcomes(engine: Engine): Promise<string[]> {
    const store = new Store(engine);
    const other = new Store(engine);
    const foreign = Func.host(other, engine.funcType([], []), () => {});
    const boom = new Error("boom");
    const cases: [string, FuncType, (params: readonly Val[], results: Val[]) => void][] = [
      [
        "wrong type",
        engine.funcType(["i32"], ["f32"]),
        (_, r) => {
          r[0] = Val.f64(1);
        },
      ],
      [
        "not a Val",
        engine.funcType(["f64"], ["f64"]),
        (_, r) => {
          r[0] = 2.5 as unknown as Val;
        },
      ],
      [
        "forged Val",
        engine.funcType([], ["i32"]),
        (_, r) => {
          r[0] = Object.create(Val.prototype);
        },
      ],
      [
        "too many results",
        engine.funcType(["i64"], ["i64"]),
        (_, r) => {
          r.push(Val.i64(1n));
        },
      ],
      [
        "results for none",
        engine.funcType([], []),
        (_, r) => {
          r.push(Val.i32(1));
        },
      ],
      [
        "too few results",
        engine.funcType([], ["externref"]),
        (_, r) => {
          r.length = 0;
        },
      ],
      [
        "funcref of another store",
        engine.funcType([], ["funcref"]),
        (_, r) => {
          r[0] = Val.funcref(foreign);
        },
      ],
      [
        "funcref of no Func",
        engine.funcType([], ["funcref"]),
        (_, r) => {
          r[0] = Val.funcref({ ty: () => engine.funcType([], []) } as never);
        },
      ],
      [
        "host exception",
        engine.funcType(["f32"], ["f32"]),
        () => {
          throw boom;
        },
      ],
    ];
    const lines: string[] = [];
    for (const [what, type, callback] of cases) {
      const host = Func.host(store, type, callback, `env.${what.replaceAll(" ", "_")}`);
      const wasm = await viaWasm(store, host);
      const args = type.params.map((t) => Val.default(t));
      try {
        call(wasm, ...args);
        lines.push(`${what}: no error`);
      } catch (error) {
        if (what === "host exception") expect(error).toBe(boom);
        lines.push(`${what}: ${(error as Error).name}: ${(error as Error).message}`);
      }
    }
    return lines;
  }

  it("name the function, its type and the result's position", async () => {
    const generated = await outcomes(new Engine());
    expect(generated).toEqual(await outcomes(new Engine({ codegen: false })));
    expect(generated).toEqual([
      "wrong type: TypeMismatchError: env.wrong_type (i32) -> f32: result 0: expected f32, found f64",
      "not a Val: TypeMismatchError: env.not_a_Val (f64) -> f64: result 0: expected f64, found number",
      "forged Val: TypeMismatchError: env.forged_Val () -> i32: result 0: expected i32, found an object made to look like a Val (not made by Val's constructors)",
      "too many results: ArityMismatchError: env.too_many_results (i64) -> i64: expected 1 results, got 2",
      "results for none: ArityMismatchError: env.results_for_none () -> (): expected 0 results, got 1",
      "too few results: ArityMismatchError: env.too_few_results () -> externref: expected 1 results, got 0",
      "funcref of another store: StoreMismatchError: env.funcref_of_another_store () -> funcref: result 0: the function belongs to another store",
      "funcref of no Func: TypeMismatchError: env.funcref_of_no_Func () -> funcref: result 0: expected a Func or null, found Object",
      "host exception: Error: boom",
    ]);
  });

  it("keep their classes and fields", async () => {
    const engine = new Engine();
    const store = new Store(engine);
    let result: unknown = Val.i32(1);
    const host = Func.host(
      store,
      engine.funcType([], ["f32"]),
      (_, r) => {
        r[0] = result as Val;
      },
      "answer",
    );
    const wasm = await viaWasm(store, host);
    const thrown = () => {
      try {
        call(wasm);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const mismatch = thrown() as TypeMismatchError;
    expect(mismatch).toBeInstanceOf(TypeMismatchError);
    expect(mismatch.code).toBe("TYPE_MISMATCH");
    expect([mismatch.expected, mismatch.actual]).toEqual(["f32", "i32"]);
    const other = Func.host(
      store,
      engine.funcType([], ["f32"]),
      (_, r) => {
        r.push(Val.f32(2));
      },
      "answer",
    );
    const arity = (() => {
      try {
        call(other);
      } catch (error) {
        return error as ArityMismatchError;
      }
      return undefined;
    })();
    expect(arity).toBeInstanceOf(ArityMismatchError);
    expect([arity?.what, arity?.expected, arity?.actual]).toEqual(["results", 1, 2]);
    const foreign = Func.host(new Store(engine), engine.funcType([], []), () => {});
    const pick = Func.host(store, engine.funcType([], ["funcref"]), (_, r) => {
      r[0] = Val.funcref(foreign);
    });
    expect(() => call(pick)).toThrow(StoreMismatchError);
    // The store works afterwards.
    result = Val.f32Bits(0x7fa00000);
    expect(call(wasm)[0]?.f32Bits()).toBe(0x7fa00000);
  });

  it("let a WebAssembly.RuntimeError thrown by the callback through as itself, not as a trap", async () => {
    for (const engine of [new Engine(), new Engine({ codegen: false })]) {
      const store = new Store(engine);
      const thrown = new WebAssembly.RuntimeError("host-made");
      const host = Func.host(store, engine.funcType(["f64"], ["f64"]), () => {
        throw thrown;
      });
      const wasm = await viaWasm(store, host);
      let caught: unknown;
      try {
        call(wasm, Val.f64(1));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBe(thrown);
      expect(caught).not.toBeInstanceOf(Trap);
    }
  });
});

describe("generated host functions", () => {
  it("are made once per signature, and not when the engine says codegen: false", () => {
    const made = vi.spyOn(globalThis, "Function");
    const engine = new Engine();
    const store = new Store(engine);
    const type = engine.funcType(["i32", "f64"], ["f32"]);
    Func.host(store, type, () => {});
    Func.host(store, type, () => {});
    expect(made).toHaveBeenCalledTimes(1);
    const off = new Engine({ codegen: false });
    Func.host(new Store(off), off.funcType(["i32", "f64"], ["f32"]), () => {});
    expect(made).toHaveBeenCalledTimes(1);
  });

  it("fall back to the closures where the host refuses new Function, exact and checked", async () => {
    const runtime = fileURLToPath(new URL("../dist/index.js", import.meta.url));
    const coreTypes = fileURLToPath(import.meta.resolve("@wasmcall/core-types"));
    const bytes = await wat(`(module
      (import "env" "f32" (func $f32 (param i32 f32) (result f32)))
      (import "env" "f64" (func $f64 (param f64) (result f64)))
      (func (export "f32") (param i32 f32) (result f32) local.get 0 local.get 1 call $f32)
      (func (export "f64") (param f64) (result f64) local.get 0 call $f64))`);
    const script = `
      const { Engine, Store, Module, Instance, Func } = await import(${JSON.stringify(runtime)});
      const { Val } = await import(${JSON.stringify(coreTypes)});
      const bytes = Buffer.from(process.argv[1], "base64");
      const engine = new Engine();
      const store = new Store(engine);
      const f32 = Func.host(store, engine.funcType(["i32", "f32"], ["f32"]), ([n, x], r) => {
        r[0] = Val.f32Bits((x.f32Bits() + n.i32()) >>> 0);
      });
      const f64 = Func.host(store, engine.funcType(["f64"], ["f64"]), ([x], r) => {
        r[0] = n === 0 ? x : Val.i32(1);
      });
      let n = 0;
      const instance = new Instance(store, new Module(engine, bytes), [f32, f64]);
      const call = (name, args) => {
        const f = instance.getFunc(name);
        args.forEach((v, i) => store.slots.write(i, v));
        f.callRaw();
        return f.ty().results.map((t, i) => String(store.slots.read(i, t)));
      };
      const out = [
        ...call("f32", [Val.i32(1), Val.f32Bits(0x7fa00000)]),
        ...call("f64", [Val.f64Bits(0x7ff4000000000001n)]),
      ];
      n = 1;
      try { call("f64", [Val.f64(1)]); } catch (error) { out.push(error.message); }
      let refused = "";
      try { new Function("return 1"); } catch (error) { refused = error.name; }
      console.log(JSON.stringify({ refused, out }));
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
      out: [
        "f32:0x7fa00001",
        "f64:0x7ff4000000000001",
        "host function (f64) -> f64: result 0: expected f64, found i32",
      ],
    });
  });

  it("are collected with their adapter once dropped, and keep nothing passed through them", async () => {
    const v8 = await import("node:v8");
    const vm = await import("node:vm");
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const engine = new Engine();
    const store = new Store(engine);
    const refs: WeakRef<object>[] = [];
    const original = WebAssembly.Instance;
    class Tracked extends original {
      constructor(module: WebAssembly.Module, imports?: WebAssembly.Imports) {
        super(module, imports);
        refs.push(new WeakRef(this));
      }
    }
    const echo = async () => {
      const tag = { passed: true };
      WebAssembly.Instance = Tracked;
      let made: Func[];
      try {
        const host = Func.host(
          store,
          engine.funcType(["externref", "f64"], ["externref"]),
          ([x], r) => {
            r[0] = x as Val;
          },
        );
        const nan = Func.host(store, engine.funcType(["f64"], ["f64"]), ([x], r) => {
          r[0] = x as Val;
        });
        made = [host, nan, await viaWasm(store, host), await viaWasm(store, nan)];
      } finally {
        WebAssembly.Instance = original;
      }
      const [host, nan, wasm, wasmNan] = made as [Func, Func, Func, Func];
      expect(call(wasm, Val.externref(tag), Val.f64(0))[0]?.externref()).toBe(tag);
      expect(call(wasmNan, Val.f64Bits(0x7ff4000000000001n))[0]?.f64Bits()).toBe(
        0x7ff4000000000001n,
      );
      expect(call(host, Val.externref(tag), Val.f64(0))[0]?.externref()).toBe(tag);
      expect(call(nan, Val.f64Bits(0xfff0000000000001n))[0]?.f64Bits()).toBe(0xfff0000000000001n);
      refs.push(...[tag, host, nan, wasm, wasmNan].map((o) => new WeakRef(o)));
    };
    for (let i = 0; i < 5; i++) await echo();
    for (let i = 0; i < 10 && refs.some((r) => r.deref() !== undefined); i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
    }
    expect(refs.filter((r) => r.deref() !== undefined)).toHaveLength(0);
  });
});
