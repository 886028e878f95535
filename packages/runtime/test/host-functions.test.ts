import {
  ArityMismatchError,
  type FuncType,
  StoreMismatchError,
  TypeMismatchError,
  V128,
  Val,
  type ValType,
} from "@wasmcall/core-types";
import { Engine, Func, Instance, Module, Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { call } from "./support/slot-call.js";

function setup() {
  const engine = new Engine();
  return { engine, store: new Store(engine) };
}

/**
 * Instantiates a module that imports `host` as `env.host` and exports `call`, a function of the
 * same type that passes its parameters to `host` and returns its results: a call from wasm.
 */
async function viaWasm(store: Store, host: Func): Promise<Func> {
  const type = host.ty();
  const sig = watSig(type);
  const gets = type.params.map((_, i) => `local.get ${i}`).join(" ");
  const module = new Module(
    store.engine,
    await wat(`(module
      (import "env" "host" (func $host ${sig}))
      (func (export "call") ${sig} ${gets} call $host))`),
  );
  return new Instance(store, module, [host]).getFunc("call") as Func;
}

function watSig(type: FuncType): string {
  const params = type.params.length ? `(param ${type.params.join(" ")})` : "";
  const results = type.results.length ? `(result ${type.results.join(" ")})` : "";
  return `${params} ${results}`;
}

describe("Func.host", () => {
  it("takes no parameters", async () => {
    const { engine, store } = setup();
    let calls = 0;
    const host = Func.host(store, engine.funcType([], ["i32"]), (params, results) => {
      calls++;
      expect(params).toEqual([]);
      results[0] = Val.i32(-17);
    });
    expect(host.ty()).toBe(engine.funcType([], ["i32"]));
    const wasm = await viaWasm(store, host);
    expect(call(wasm)[0]?.i32()).toBe(-17);
    expect(call(host)[0]?.i32()).toBe(-17);
    expect(calls).toBe(2);
  });

  it("takes no parameters and returns nothing", async () => {
    const { engine, store } = setup();
    let calls = 0;
    const host = Func.host(store, engine.funcType([], []), () => {
      calls++;
    });
    expect(call(await viaWasm(store, host))).toEqual([]);
    expect(calls).toBe(1);
  });

  it("takes 16 parameters of mixed types and returns them reversed, bit for bit", async () => {
    const { engine, store } = setup();
    const kinds: ValType[] = ["i32", "i64", "f32", "f64"];
    const params: ValType[] = Array.from({ length: 16 }, (_, i) => kinds[i % 4] as ValType);
    const type = engine.funcType(params, [...params].reverse());
    let seen: readonly Val[] = [];
    const host = Func.host(store, type, (ps, results) => {
      seen = ps;
      ps.forEach((p, i) => {
        results[15 - i] = p;
      });
    });
    const values = params.map((t, i) => {
      switch (t) {
        case "i32":
          return Val.i32(i === 0 ? -0x80000000 : i * 1000 - 1);
        case "i64":
          return Val.i64(i === 1 ? -(2n ** 63n) : BigInt(i) * 2n ** 40n);
        case "f32":
          return Val.f32Bits(i === 2 ? 0x7fa00000 : 0xff800001 + i);
        default:
          return Val.f64Bits(i === 3 ? 0x7ff4000000000001n : 0xfff0000000000000n + BigInt(i));
      }
    });
    const results = call(await viaWasm(store, host), ...values);
    expect(seen).toHaveLength(16);
    seen.forEach((p, i) => {
      expect(p.equals(values[i] as Val), `param ${i}: ${p}`).toBe(true);
    });
    results.forEach((r, i) => {
      expect(r.equals(values[15 - i] as Val), `result ${i}: ${r}`).toBe(true);
    });
  });

  it("returns several results", async () => {
    const { engine, store } = setup();
    const type = engine.funcType(["i32"], ["i32", "i64", "f32", "externref"]);
    const tag = { tag: "from host" };
    const host = Func.host(store, type, ([x], results) => {
      const n = (x as Val).i32();
      results[0] = Val.i32(n + 1);
      results[1] = Val.i64(BigInt(n) * 2n ** 33n);
      results[2] = Val.f32(n / 4);
      results[3] = Val.externref(tag);
    });
    const [a, b, c, d] = call(await viaWasm(store, host), Val.i32(6));
    expect(a?.i32()).toBe(7);
    expect(b?.i64()).toBe(6n * 2n ** 33n);
    expect(c?.f32()).toBe(1.5);
    expect(d?.externref()).toBe(tag);
  });

  it("passes v128 both ways", async () => {
    const { engine, store } = setup();
    const type = engine.funcType(["v128", "v128"], ["v128"]);
    const host = Func.host(store, type, ([a, b], results) => {
      const x = (a as Val).v128().i32x4();
      const y = (b as Val).v128().i32x4();
      results[0] = Val.v128(V128.fromI32x4(x.map((v, i) => (v + (y[i] as number)) | 0)));
    });
    const [sum] = call(
      await viaWasm(store, host),
      Val.v128(V128.fromI32x4([1, 2, 3, 0x7fffffff])),
      Val.v128(V128.fromI32x4([10, 20, 30, 1])),
    );
    expect(sum?.v128().i32x4()).toEqual(new Int32Array([11, 22, 33, -0x80000000]));
  });

  it("lets an Error thrown by the callback reach the caller as the same object", async () => {
    const { engine, store } = setup();
    const boom = new Error("boom");
    const host = Func.host(store, engine.funcType(["i32"], ["i32"]), ([x], results) => {
      if ((x as Val).i32() === 0) throw boom;
      results[0] = Val.i32((x as Val).i32() * 3);
    });
    const wasm = await viaWasm(store, host);
    let caught: unknown;
    try {
      call(wasm, Val.i32(0));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(boom);
    // The store works afterwards: the same function, and the host function itself.
    expect(call(wasm, Val.i32(5))[0]?.i32()).toBe(15);
    expect(call(host, Val.i32(2))[0]?.i32()).toBe(6);
    expect(() => call(host, Val.i32(0))).toThrow(boom);
    expect(call(wasm, Val.i32(-1))[0]?.i32()).toBe(-3);
  });

  it("lets a thrown non-Error value through unchanged", async () => {
    const { engine, store } = setup();
    const thrown = { not: "an error" };
    const host = Func.host(store, engine.funcType([], []), () => {
      throw thrown;
    });
    let caught: unknown;
    try {
      call(await viaWasm(store, host));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(thrown);
  });

  it("throws TypeMismatchError naming the result position for a result of the wrong type", async () => {
    const { engine, store } = setup();
    let bad: unknown = Val.i64(1n);
    const host = Func.host(
      store,
      engine.funcType([], ["i32", "f64"]),
      (_, results) => {
        results[0] = Val.i32(1);
        results[1] = bad as Val;
      },
      "answer",
    );
    const wasm = await viaWasm(store, host);
    let caught: unknown;
    try {
      call(wasm);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TypeMismatchError);
    const error = caught as TypeMismatchError;
    expect(error.code).toBe("TYPE_MISMATCH");
    expect(error.message).toContain("answer");
    expect(error.message).toContain("result 1");
    expect(error.expected).toBe("f64");
    expect(error.actual).toBe("i64");
    // A value that is no Val at all.
    bad = 2.5;
    expect(() => call(wasm)).toThrow(/result 1: expected f64, found number/);
    // The store works afterwards.
    bad = Val.f64(2.5);
    const [a, b] = call(wasm);
    expect(a?.i32()).toBe(1);
    expect(b?.f64()).toBe(2.5);
  });

  it("names the host function after its callback and its type when a result is wrong", async () => {
    const { engine, store } = setup();
    const type = engine.funcType(["i32"], ["i32"]);
    const host = Func.host(store, type, function double(_, results) {
      results[0] = Val.f32(1);
    });
    expect(host.name).toBe("host function double");
    const wasm = await viaWasm(store, host);
    expect(() => call(wasm, Val.i32(1))).toThrow(
      new TypeMismatchError("host function double (i32) -> i32: result 0", "i32", "f32"),
    );
  });

  it("names the host function and the result position for a funcref of another store", async () => {
    const { engine, store } = setup();
    const other = Func.host(new Store(engine), engine.funcType([], []), () => {});
    const host = Func.host(
      store,
      engine.funcType([], ["i32", "funcref"]),
      (_, results) => {
        results[1] = Val.funcref(other);
      },
      "pick",
    );
    let caught: unknown;
    try {
      call(await viaWasm(store, host));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(StoreMismatchError);
    expect((caught as Error).message).toBe(
      "pick () -> (i32, funcref): result 1: the function belongs to another store",
    );
  });

  it("throws ArityMismatchError when the callback changes the number of results", async () => {
    const { engine, store } = setup();
    const host = Func.host(store, engine.funcType([], ["i32"]), (_, results) => {
      results.push(Val.i32(2));
    });
    expect(() => call(host)).toThrow(ArityMismatchError);
    expect(() => call(host)).toThrow(/expected 1 results, got 2/);
  });
});

describe("the engines' limit of 1000 parameters and 1000 results", () => {
  it("is refused with a TypeMismatchError by Func.host, hostRaw and wrap before anything runs", () => {
    const { engine, store } = setup();
    const many = (n: number): ValType[] => Array.from({ length: n }, () => "i32");
    const makers = {
      host: (type: FuncType) => Func.host(store, type, () => {}, "wide"),
      hostRaw: (type: FuncType) => Func.hostRaw(store, type, () => {}, "wide"),
      wrap: (type: FuncType) => Func.wrap(store, type, () => {}, "wide"),
    };
    for (const [api, make] of Object.entries(makers)) {
      expect(() => make(engine.funcType(many(1001), []))).toThrow(
        new TypeMismatchError(
          `wide: Func.${api}: function type`,
          "at most 1000 parameters",
          "1001 parameters",
        ),
      );
      expect(() => make(engine.funcType([], many(1001)))).toThrow(
        new TypeMismatchError(
          `wide: Func.${api}: function type`,
          "at most 1000 results",
          "1001 results",
        ),
      );
    }
  });

  it("is reached by a host function of 1000 parameters and 1000 results", () => {
    const { engine, store } = setup();
    const types: ValType[] = Array.from({ length: 1000 }, (_, i) => (i % 2 ? "i64" : "i32"));
    const host = Func.host(
      store,
      engine.funcType(types, [...types].reverse()),
      (params, results) => {
        params.forEach((p, i) => {
          results[999 - i] = p;
        });
      },
    );
    const values = types.map((t, i) => (t === "i32" ? Val.i32(i) : Val.i64(BigInt(i) * 2n ** 40n)));
    const results = call(host, ...values);
    expect(results[0]?.i64()).toBe(999n * 2n ** 40n);
    expect(results[999]?.i32()).toBe(0);
  });
});

describe("Func.hostRaw", () => {
  it("works on the slots directly, NaN bits exact", async () => {
    const { engine, store } = setup();
    const slots = store.slots;
    const host = Func.hostRaw(store, engine.funcType(["i32", "f64"], ["f64", "i32"]), () => {
      const n = slots.i32[0] as number;
      const lo = slots.u32[4] as number;
      const hi = slots.u32[5] as number;
      // f64 result in slot 0 (the same bits), i32 result in slot 1.
      slots.u32[0] = lo;
      slots.u32[1] = hi;
      slots.i32[4] = n + 1;
    });
    const [f, i] = call(await viaWasm(store, host), Val.i32(41), Val.f64Bits(0xfff4000000000abcn));
    expect(f?.f64Bits()).toBe(0xfff4000000000abcn);
    expect(i?.i32()).toBe(42);
  });
});

describe("Func.wrap", () => {
  it("converts as the WebAssembly JS API does", async () => {
    const { engine, store } = setup();
    const seen: unknown[][] = [];
    const fn = (a: number, b: bigint, c: number, d: unknown) => {
      seen.push([a, b, c, d]);
      return [a + 0.5, b + 1n, d];
    };
    const type = engine.funcType(["i32", "i64", "f32", "externref"], ["f64", "i64", "externref"]);
    const host = Func.wrap(store, type, fn as (...args: never[]) => unknown);
    expect(host.ty()).toBe(type);
    const obj = { id: 1 };
    const [x, y, z] = call(
      await viaWasm(store, host),
      Val.i32(-5),
      Val.i64(2n ** 63n - 1n),
      Val.f32(0.25),
      Val.externref(obj),
    );
    expect(seen).toEqual([[-5, 2n ** 63n - 1n, 0.25, obj]]);
    expect(seen[0]?.[3]).toBe(obj);
    expect(x?.f64()).toBe(-4.5);
    expect(y?.i64()).toBe(-(2n ** 63n)); // wrapped by the engine's ToBigInt64
    expect(z?.externref()).toBe(obj);
  });

  it("applies the engine's conversions to results (ToInt32)", async () => {
    const { engine, store } = setup();
    const host = Func.wrap(store, engine.funcType([], ["i32"]), () => 2 ** 32 + 5.75);
    expect(call(await viaWasm(store, host))[0]?.i32()).toBe(5);
  });

  it("lets the function's exception through unchanged", async () => {
    const { engine, store } = setup();
    const boom = new TypeError("wrapped boom");
    const host = Func.wrap(store, engine.funcType([], []), () => {
      throw boom;
    });
    const wasm = await viaWasm(store, host);
    expect(() => call(wasm)).toThrow(boom);
  });

  it("rejects a signature with v128", () => {
    const { engine, store } = setup();
    for (const type of [engine.funcType(["v128"], []), engine.funcType(["i32"], ["i32", "v128"])]) {
      expect(() => Func.wrap(store, type, () => 0)).toThrow(TypeMismatchError);
    }
  });
});

describe("re-entrancy", () => {
  it("goes wasm -> host -> wasm 100 levels deep with correct results at every level", async () => {
    const { engine, store } = setup();
    const type = engine.funcType(["i32"], ["i32", "i64"]);
    let down: Func | undefined;
    const seenAt = new Map<number, [number, bigint]>();
    const host = Func.host(store, type, ([x], results) => {
      const n = (x as Val).i32();
      if (n === 0) {
        results[0] = Val.i32(0);
        results[1] = Val.i64(0n);
        return;
      }
      // A nested call reuses slot 0: read its results right after the call.
      store.slots.write(0, Val.i32(n - 1));
      (down as Func).callRaw();
      const sum = store.slots.read(0, "i32").i32();
      const product = store.slots.read(1, "i64").i64();
      seenAt.set(n - 1, [sum, product]);
      results[0] = Val.i32(sum + n);
      results[1] = Val.i64(product + BigInt(n) * 2n ** 40n);
    });
    down = await viaWasm(store, host);
    const [sum, big] = call(down, Val.i32(100));
    expect(sum?.i32()).toBe(5050);
    expect(big?.i64()).toBe(5050n * 2n ** 40n);
    expect(seenAt.size).toBe(100);
    for (let n = 0; n < 100; n++) {
      const expected = (n * (n + 1)) / 2;
      expect(seenAt.get(n)).toEqual([expected, BigInt(expected) * 2n ** 40n]);
    }
    // And again, the store's slots are left in order.
    expect(call(down, Val.i32(3))[0]?.i32()).toBe(6);
  });
});

describe("funcref identity", () => {
  it("gives back the same Func for every function wasm returns, exported or not", async () => {
    const { engine, store } = setup();
    const hostType = engine.funcType(["i32"], ["i32"]);
    const host = Func.host(store, hostType, ([x], results) => {
      results[0] = Val.i32((x as Val).i32() + 100);
    });
    const module = new Module(
      engine,
      await wat(`(module
        (import "env" "host" (func $host (param i32) (result i32)))
        (func $exported (export "exported") (param i32) (result i32) local.get 0)
        (func $private (param i64 f32) (result f64 i32) f64.const 1.5 i32.const 7)
        (elem declare func $exported $private $host)
        (func (export "get_exported") (result funcref) ref.func $exported)
        (func (export "get_private") (result funcref) ref.func $private)
        (func (export "get_host") (result funcref) ref.func $host)
        (func (export "echo") (param funcref) (result funcref) local.get 0))`),
    );
    const instance = new Instance(store, module, [host]);
    const get = (name: string) => call(instance.getFunc(name) as Func)[0]?.funcref();

    expect(get("get_exported")).toBe(instance.getFunc("exported"));
    expect(get("get_host")).toBe(host);

    const priv = get("get_private") as Func;
    expect(priv).toBeInstanceOf(Func);
    expect(priv.ty()).toBe(engine.funcType(["i64", "f32"], ["f64", "i32"]));
    expect(priv.store).toBe(store);
    expect(get("get_private")).toBe(priv);
    const [a, b] = call(priv, Val.i64(1n), Val.f32(0));
    expect(a?.f64()).toBe(1.5);
    expect(b?.i32()).toBe(7);

    const echo = instance.getFunc("echo") as Func;
    for (const f of [host, priv, echo]) expect(call(echo, Val.funcref(f))[0]?.funcref()).toBe(f);
    expect(call(echo, Val.funcref(null))[0]?.funcref()).toBeNull();
  });

  it("hands a host function the same Func for a funcref parameter", async () => {
    const { engine, store } = setup();
    const seen: unknown[] = [];
    const host = Func.host(store, engine.funcType(["funcref"], []), ([f]) => {
      seen.push((f as Val).funcref());
    });
    const module = new Module(
      engine,
      await wat(`(module
        (import "env" "host" (func $host (param funcref)))
        (func $private (result i32) i32.const 1)
        (elem declare func $private)
        (func (export "run") ref.func $private call $host ref.func $private call $host))`),
    );
    call(new Instance(store, module, [host]).getFunc("run") as Func);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBeInstanceOf(Func);
    expect(seen[1]).toBe(seen[0]);
    expect((seen[0] as Func).ty()).toBe(engine.funcType([], ["i32"]));
  });
});
