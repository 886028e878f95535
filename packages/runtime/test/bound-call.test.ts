import {
  ArityMismatchError,
  FuncType,
  StoreMismatchError,
  TypeMismatchError,
  V128,
  Val,
} from "@wasmcall/core-types";
import {
  type BoundCall,
  Engine,
  Func,
  type Global,
  Instance,
  Module,
  Store,
} from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";

/**
 * Functions with one float result (called through their bits wrapper when code is generated),
 * `counted`, which counts its runs in the global `runs`, a v128 result, an externref identity
 * and `viaHost(x) = -host(x)`, where the import `host` may call back into the store.
 */
const BYTES = await wat(`(module
  (import "env" "host" (func $host (param f64) (result f64)))
  (global $runs (export "runs") (mut i32) (i32.const 0))
  (func (export "f32Nan") (result f32) (f32.reinterpret_i32 (i32.const 0x7fa00001)))
  (func (export "f64Snan") (result f64) (f64.reinterpret_i64 (i64.const 0x7ff0000000000001)))
  (func (export "f32OfBits") (param i32) (result f32) (f32.reinterpret_i32 (local.get 0)))
  (func (export "f64OfBits") (param i64) (result f64) (f64.reinterpret_i64 (local.get 0)))
  (func (export "id32") (param f32) (result f32) (local.get 0))
  (func (export "id64") (param f64) (result f64) (local.get 0))
  (func (export "counted") (param i32 f64) (result f64)
    (global.set $runs (i32.add (global.get $runs) (i32.const 1)))
    (local.get 1))
  (func (export "splat") (param i32) (result v128) (i32x4.splat (local.get 0)))
  (func (export "idExtern") (param externref) (result externref) (local.get 0))
  (func (export "viaHost") (param f64) (result f64) (f64.neg (call $host (local.get 0)))))`);

/** What the import `host` does: replaced by each test (by default it returns its argument). */
interface Hooks {
  host: (x: Val) => Val;
}

/**
 * An instance of BYTES in a fresh store of an engine with `codegen`, its import made with
 * `Func.host` (exact) or `Func.wrap` (numbers) over `hooks.host`.
 */
async function setup(codegen = true, kind: "host" | "wrap" = "host") {
  const engine = new Engine({ codegen });
  const store = new Store(engine);
  const hooks: Hooks = { host: (x) => x };
  const type = engine.funcType(["f64"], ["f64"]);
  const host =
    kind === "host"
      ? Func.host(store, type, ([x], results) => {
          results[0] = hooks.host(x as Val);
        })
      : Func.wrap(store, type, (x: number) => hooks.host(Val.f64(x)).f64());
  const instance = new Instance(store, new Module(engine, BYTES), [host]);
  const func = (name: string): Func => {
    const f = instance.getFunc(name);
    if (f === undefined) throw new Error(`no export ${name}`);
    return f;
  };
  const runs = () => (instance.getGlobal("runs") as Global).get().i32();
  return { engine, store, hooks, func, runs };
}

/** The function's own bound call (see `Func.callOf`), which must exist. */
function bound(func: Func): BoundCall {
  const call = Func.callOf(func);
  if (call === undefined) throw new Error(`no bound call for ${func}`);
  return call;
}

/** Calls `func` through its bound call with `params` into `results`, and returns `results`. */
function callInto(func: Func, params: Val[], results: Val[]): Val[] {
  bound(func)(func.store, params, results, func.store);
  return results;
}

/** f64 bit patterns a JavaScript number may not carry, or whose words have the top bit set. */
const F64_BITS = [
  0x7ff0000000000001n, // signalling NaN
  0xfff8000000000123n, // negative quiet NaN with a payload
  0x7ff4000000000000n, // signalling NaN, payload in the high word only
  0x8000000000000000n, // -0
  0xbff8000000000000n, // -1.5
  0x3ff0000080000000n, // low word's top bit set
  0xc00921fb54442d18n, // -pi
  0x80000000ffffffffn, // negative subnormal, low word all ones
  0xffefffffffffffffn, // -max
];

/** f32 bit patterns a JavaScript number may not carry, or with the top bit set. */
const F32_BITS = [
  0x7fa00001, // signalling NaN with a payload
  0xffc00001, // negative quiet NaN with a payload
  0xff800001, // negative signalling NaN
  0x80000000, // -0
  0xbfc00000, // -1.5
  0x80000001, // negative subnormal
];

describe("Func.callOf", () => {
  it("is undefined for anything but a Func", async () => {
    const { func } = await setup();
    const id64 = func("id64");
    expect(Func.callOf({})).toBeUndefined();
    expect(Func.callOf(Object.create(Func.prototype))).toBeUndefined();
    expect(Func.callOf(null)).toBeUndefined();
    expect(Func.callOf(undefined)).toBeUndefined();
    expect(Func.callOf(42)).toBeUndefined();
    expect(Func.callOf(new Proxy(id64, {}))).toBeUndefined();
    expect(Func.callOf(id64.js)).toBeUndefined();
    expect(Func.callOf({ ...id64 })).toBeUndefined();
  });

  it("is undefined when the type given is not the function's interned type", async () => {
    const { engine, func } = await setup();
    const id64 = func("id64");
    expect(Func.callOf(id64, engine.funcType(["f32"], ["f32"]))).toBeUndefined();
    expect(Func.callOf(id64, engine.funcType(["f64"], []))).toBeUndefined();
    // Equal but not interned, or interned by another engine: not that very type.
    expect(Func.callOf(id64, new FuncType(["f64"], ["f64"]))).toBeUndefined();
    expect(Func.callOf(id64, new Engine().funcType(["f64"], ["f64"]))).toBeUndefined();
  });

  it("gives the function's one call, with or without its interned type", async () => {
    const { engine, func } = await setup();
    const id64 = func("id64");
    const call = Func.callOf(id64);
    expect(typeof call).toBe("function");
    expect(Func.callOf(id64)).toBe(call);
    expect(Func.callOf(id64, id64.ty())).toBe(call);
    expect(Func.callOf(id64, engine.funcType(["f64"], ["f64"]))).toBe(call);
    expect(Func.callOf(id64, engine.intern(new FuncType(["f64"], ["f64"])))).toBe(call);
    // Another function of the same type has its own call.
    const viaHost = func("viaHost");
    expect(viaHost.ty()).toBe(id64.ty());
    expect(Func.callOf(viaHost)).not.toBe(call);
  });

  it("gives its first call when it is first asked with the type", async () => {
    const { func } = await setup();
    const id32 = func("id32");
    const call = Func.callOf(id32, id32.ty());
    expect(call).toBeDefined();
    expect(Func.callOf(id32)).toBe(call);
  });
});

describe.each([true, false])("a bound call (codegen %s)", (codegen) => {
  describe("checks before it runs anything", () => {
    it("refuses a store other than the function's", async () => {
      const { func, runs } = await setup(codegen);
      const other = new Store(new Engine({ codegen }));
      const counted = func("counted");
      const results = [Val.cell()];
      expect(() => bound(counted)(other, [Val.i32(1), Val.f64(2)], results, other)).toThrow(
        StoreMismatchError,
      );
      expect(runs()).toBe(0);
      // A store of the same engine is another store too.
      const sibling = new Store(counted.store.engine);
      expect(() => bound(counted)(sibling, [Val.i32(1), Val.f64(2)], results, sibling)).toThrow(
        StoreMismatchError,
      );
      expect(runs()).toBe(0);
      expect(results[0]?.i32()).toBe(0);
    });

    it("refuses the wrong number of arguments or results", async () => {
      const { store, func, runs } = await setup(codegen);
      const call = bound(func("counted"));
      expect(() => call(store, [Val.i32(1)], [Val.cell()], store)).toThrow(ArityMismatchError);
      expect(() => call(store, [Val.i32(1), Val.f64(2), Val.i32(3)], [Val.cell()], store)).toThrow(
        ArityMismatchError,
      );
      expect(() => call(store, [Val.i32(1), Val.f64(2)], [], store)).toThrow(ArityMismatchError);
      expect(() => call(store, [Val.i32(1), Val.f64(2)], [Val.cell(), Val.cell()], store)).toThrow(
        ArityMismatchError,
      );
      expect(runs()).toBe(0);
    });

    it("refuses an argument of the wrong type, or one that is not a Val", async () => {
      const { store, func, runs } = await setup(codegen);
      const call = bound(func("counted"));
      const results = [Val.cell()];
      expect(() => call(store, [Val.i32(1), Val.f32(2)], results, store)).toThrow(
        TypeMismatchError,
      );
      expect(() => call(store, [Val.f64(1), Val.f64(2)], results, store)).toThrow(
        TypeMismatchError,
      );
      const forged = { type: "f64", lo: 0, hi: 0, ref: null } as unknown as Val;
      expect(() => call(store, [Val.i32(1), forged], results, store)).toThrow(TypeMismatchError);
      expect(() => call(store, "no array" as unknown as Val[], results, store)).toThrow(
        TypeMismatchError,
      );
      expect(runs()).toBe(0);
    });

    it("refuses a frozen results array without a cell, and takes one with a cell", async () => {
      const { store, func, runs } = await setup(codegen);
      const call = bound(func("counted"));
      const args = [Val.i32(1), Val.f64(2.5)];
      expect(() => call(store, args, Object.freeze([Val.f64(0)]) as Val[], store)).toThrow(
        TypeMismatchError,
      );
      expect(() => call(store, args, Object.freeze(new Array(1)) as Val[], store)).toThrow(
        TypeMismatchError,
      );
      expect(runs()).toBe(0);
      const cell = Val.cell();
      call(store, args, Object.freeze([cell]) as Val[], store);
      expect(runs()).toBe(1);
      expect(cell.f64()).toBe(2.5);
    });

    it("runs once for each call that passes its checks", async () => {
      const { store, func, runs } = await setup(codegen);
      const call = bound(func("counted"));
      const results = [Val.cell()];
      for (let i = 0; i < 3; i++) call(store, [Val.i32(i), Val.f64(-i)], results, store);
      expect(runs()).toBe(3);
      expect(results[0]?.f64Bits()).toBe(0xc000000000000000n);
    });
  });

  describe("returns float results bit for bit", () => {
    it("an f32 NaN with a payload made in wasm", async () => {
      const { func } = await setup(codegen);
      expect(callInto(func("f32Nan"), [], [Val.cell()])[0]?.f32Bits()).toBe(0x7fa00001);
      expect(callInto(func("f32Nan"), [], new Array(1))[0]?.f32Bits()).toBe(0x7fa00001);
    });

    it("a signalling f64 NaN made in wasm", async () => {
      const { func } = await setup(codegen);
      expect(callInto(func("f64Snan"), [], [Val.cell()])[0]?.f64Bits()).toBe(0x7ff0000000000001n);
      expect(callInto(func("f64Snan"), [], new Array(1))[0]?.f64Bits()).toBe(0x7ff0000000000001n);
    });

    it("f64 NaNs, -0, negatives and words with the top bit set, into a cell or a plain array", async () => {
      const { func } = await setup(codegen);
      const f64OfBits = func("f64OfBits");
      const cell = Val.cell();
      for (const bits of F64_BITS) {
        const label = bits.toString(16);
        callInto(f64OfBits, [Val.i64(bits)], [cell]);
        expect(cell.f64Bits().toString(16), label).toBe(label);
        const plain = callInto(f64OfBits, [Val.i64(bits)], new Array(1))[0] as Val;
        expect(plain.f64Bits().toString(16), label).toBe(label);
        expect(Val.typeOf(plain)).toBe("f64");
      }
    });

    it("f32 NaNs, -0 and negatives, into a cell or a plain array", async () => {
      const { func } = await setup(codegen);
      const f32OfBits = func("f32OfBits");
      const cell = Val.cell();
      for (const bits of F32_BITS) {
        const label = bits.toString(16);
        callInto(f32OfBits, [Val.i32(bits)], [cell]);
        expect(cell.f32Bits().toString(16), label).toBe(label);
        const plain = callInto(f32OfBits, [Val.i32(bits)], new Array(1))[0] as Val;
        expect(plain.f32Bits().toString(16), label).toBe(label);
      }
    });

    it("passes f64 arguments (NaN payloads too) through to the result", async () => {
      const { func } = await setup(codegen);
      const id64 = func("id64");
      const cell = Val.cell();
      for (const bits of F64_BITS) {
        const label = bits.toString(16);
        callInto(id64, [Val.f64Bits(bits)], [cell]);
        expect(cell.f64Bits().toString(16), label).toBe(label);
        const plain = callInto(id64, [Val.f64Bits(bits)], new Array(1))[0] as Val;
        expect(plain.f64Bits().toString(16), label).toBe(label);
      }
    });

    it("passes f32 arguments (NaN payloads too) through to the result", async () => {
      const { func } = await setup(codegen);
      const id32 = func("id32");
      const cell = Val.cell();
      for (const bits of F32_BITS) {
        const label = bits.toString(16);
        callInto(id32, [Val.f32Bits(bits)], [cell]);
        expect(cell.f32Bits().toString(16), label).toBe(label);
        const plain = callInto(id32, [Val.f32Bits(bits)], new Array(1))[0] as Val;
        expect(plain.f32Bits().toString(16), label).toBe(label);
      }
    });

    it("alternates NaN and ordinary arguments without one leaking into the other", async () => {
      const { func } = await setup(codegen);
      const id64 = func("id64");
      const results = [Val.cell()];
      const order = [0x7ff0000000000001n, 0x3ff0000080000000n, 0xfff8000000000123n, 0x0n];
      for (const bits of [...order, ...order]) {
        callInto(id64, [Val.f64Bits(bits)], results);
        expect(results[0]?.f64Bits()).toBe(bits);
      }
    });
  });

  describe("writes results into cells", () => {
    it("keeps the same cell in the results, holding the new value", async () => {
      const { func } = await setup(codegen);
      const cell = Val.cell();
      const results = [cell];
      callInto(func("id64"), [Val.f64(-2.5)], results);
      expect(results[0]).toBe(cell);
      expect(cell.f64()).toBe(-2.5);
      callInto(func("id32"), [Val.f32(0.5)], results);
      expect(results[0]).toBe(cell);
      expect(cell.type).toBe("f32");
      expect(cell.f32()).toBe(0.5);
      expect(cell.isCell).toBe(true);
    });

    it("replaces a Val that is not a cell with a new Val, leaving the old one as it was", async () => {
      const { func } = await setup(codegen);
      const old = Val.f64(1);
      const results = [old];
      callInto(func("id64"), [Val.f64Bits(0xfff8000000000123n)], results);
      expect(results[0]).not.toBe(old);
      expect(results[0]?.isCell).toBe(false);
      expect(results[0]?.f64Bits()).toBe(0xfff8000000000123n);
      expect(old.f64()).toBe(1);
    });

    it("leaves a V128 read from a cell unchanged when a later call writes the cell", async () => {
      const { func } = await setup(codegen);
      const splat = func("splat");
      const cell = Val.cell();
      const results = [cell];
      callInto(splat, [Val.i32(1)], results);
      expect(results[0]).toBe(cell);
      const first = cell.v128();
      callInto(splat, [Val.i32(-2)], results);
      expect(results[0]).toBe(cell);
      expect([...first.i32x4()]).toEqual([1, 1, 1, 1]);
      expect([...cell.v128().i32x4()]).toEqual([-2, -2, -2, -2]);
      expect(first.equals(cell.v128())).toBe(false);
    });

    it("compares and prints a cell holding a v128 before and after it is read", async () => {
      const { func } = await setup(codegen);
      const splat = func("splat");
      const cell = Val.cell();
      callInto(splat, [Val.i32(7)], [cell]);
      // Not read yet: equals and toString read it.
      expect(cell.equals(Val.v128(V128.fromI32x4([7, 7, 7, 7])))).toBe(true);
      expect(String(cell)).toBe("v128:i32x4 0x00000007 0x00000007 0x00000007 0x00000007");
      callInto(splat, [Val.i32(-1)], [cell]);
      expect(String(cell)).toBe("v128:i32x4 0xffffffff 0xffffffff 0xffffffff 0xffffffff");
      expect(cell.equals(Val.v128(V128.fromI32x4([-1, -1, -1, -1])))).toBe(true);
      expect(Val.v128(V128.fromI32x4([-1, -1, -1, -1])).equals(cell)).toBe(true);
      expect(cell.equals(Val.v128(V128.fromI32x4([7, 7, 7, 7])))).toBe(false);
    });

    it("switches a cell between v128, float and reference results", async () => {
      const { func } = await setup(codegen);
      const cell = Val.cell();
      const results = [cell];
      callInto(func("splat"), [Val.i32(3)], results);
      const vector = cell.v128();
      callInto(func("id64"), [Val.f64Bits(0x8000000000000000n)], results);
      expect(cell.type).toBe("f64");
      expect(cell.f64Bits()).toBe(0x8000000000000000n);
      expect(String(cell)).toBe("f64:0x8000000000000000");
      const token = { token: 1 };
      callInto(func("idExtern"), [Val.externref(token)], results);
      expect(cell.externref()).toBe(token);
      callInto(func("f32Nan"), [], results);
      expect(cell.type).toBe("f32");
      expect(Val.refOf(cell)).toBeNull();
      expect(cell.f32Bits()).toBe(0x7fa00001);
      callInto(func("splat"), [Val.i32(4)], results);
      expect([...cell.v128().i32x4()]).toEqual([4, 4, 4, 4]);
      expect([...vector.i32x4()]).toEqual([3, 3, 3, 3]);
      expect(results[0]).toBe(cell);
    });

    it("keeps +0 and -0 apart in an externref result written into a cell", async () => {
      const { func } = await setup(codegen);
      const idExtern = func("idExtern");
      const cell = Val.cell();
      callInto(idExtern, [Val.externref(0)], [cell]);
      expect(Object.is(cell.externref(), 0)).toBe(true);
      callInto(idExtern, [Val.externref(-0)], [cell]);
      expect(Object.is(cell.externref(), -0)).toBe(true);
      expect(cell.equals(Val.externref(-0))).toBe(true);
    });

    it("delivers to the cell a host function puts in results[0] during the call", async () => {
      const { func, hooks } = await setup(codegen);
      const first = Val.cell();
      const second = Val.cell();
      const results = [first];
      hooks.host = (x) => {
        results[0] = second;
        return x;
      };
      callInto(func("viaHost"), [Val.f64(1.5)], results);
      expect(results[0]).toBe(second);
      expect(second.f64()).toBe(-1.5);
      expect(first.type).toBe("i32");
      expect(first.i32()).toBe(0);
    });

    it("delivers a new Val when a host function puts a plain Val in results[0] during the call", async () => {
      const { func, hooks } = await setup(codegen);
      const cell = Val.cell();
      const plain = Val.f64(9);
      const results = [cell];
      hooks.host = (x) => {
        results[0] = plain;
        return x;
      };
      callInto(func("viaHost"), [Val.f64Bits(0x3ff0000080000000n)], results);
      expect(results[0]).not.toBe(plain);
      expect(results[0]).not.toBe(cell);
      expect(results[0]?.f64Bits()).toBe(0xbff0000080000000n);
      expect(plain.f64()).toBe(9);
      expect(cell.i32()).toBe(0);
    });

    it("delivers into a cell a host function puts into an empty results array", async () => {
      const { func, hooks } = await setup(codegen);
      const cell = Val.cell();
      const results: Val[] = new Array(1);
      hooks.host = (x) => {
        results[0] = cell;
        return x;
      };
      callInto(func("viaHost"), [Val.f64(-4)], results);
      expect(results[0]).toBe(cell);
      expect(cell.f64()).toBe(4);
    });
  });

  describe("nested in another call", () => {
    it("keeps both f64 results exact when a host function calls another f64 function", async () => {
      const { store, func, hooks } = await setup(codegen);
      const inner = [Val.cell()];
      const f64OfBits = bound(func("f64OfBits"));
      hooks.host = (x) => {
        f64OfBits(store, [Val.i64(0x7ff0000000000001n)], inner, store);
        return x;
      };
      const outer = [Val.cell()];
      callInto(func("viaHost"), [Val.f64Bits(0x3ff0000080000000n)], outer);
      expect(inner[0]?.f64Bits()).toBe(0x7ff0000000000001n);
      expect(outer[0]?.f64Bits()).toBe(0xbff0000080000000n);
    });

    it("keeps both results exact when a host function calls the outer function again", async () => {
      const { store, func, hooks } = await setup(codegen);
      const viaHost = func("viaHost");
      const inner = [Val.cell()];
      let depth = 0;
      hooks.host = (x) => {
        if (depth++ === 0) bound(viaHost)(store, [Val.f64Bits(0xc004000000000000n)], inner, store);
        return x;
      };
      const outer = [Val.cell()];
      callInto(viaHost, [Val.f64Bits(0x7ff0000080000001n)], outer);
      expect(depth).toBe(2);
      expect(inner[0]?.f64Bits()).toBe(0x4004000000000000n);
      expect(outer[0]?.f64Bits()).toBe(0xfff0000080000001n);
    });

    it("keeps both f64 results exact through a host function made with Func.wrap", async () => {
      const { store, func, hooks } = await setup(codegen, "wrap");
      const inner: Val[] = new Array(1);
      const id64 = bound(func("id64"));
      hooks.host = (x) => {
        id64(store, [Val.f64Bits(0xfff8000000000123n)], inner, store);
        return Val.f64(x.f64() * 2);
      };
      const outer = [Val.cell()];
      callInto(func("viaHost"), [Val.f64Bits(0x3ff0000080000000n)], outer);
      expect(inner[0]?.f64Bits()).toBe(0xfff8000000000123n);
      expect(outer[0]?.f64Bits()).toBe(0xc000000080000000n);
    });

    it("keeps an f32 result exact when a host function calls an f64 function", async () => {
      const { store, func, hooks } = await setup(codegen);
      const inner = [Val.cell()];
      const f64OfBits = bound(func("f64OfBits"));
      const f32 = [Val.cell()];
      hooks.host = (x) => {
        f64OfBits(store, [Val.i64(0xffefffffffffffffn)], inner, store);
        callInto(func("f32Nan"), [], f32);
        return x;
      };
      const outer = [Val.cell()];
      callInto(func("viaHost"), [Val.f64(-0)], outer);
      expect(inner[0]?.f64Bits()).toBe(0xffefffffffffffffn);
      expect(f32[0]?.f32Bits()).toBe(0x7fa00001);
      expect(outer[0]?.f64Bits()).toBe(0n);
    });
  });
});
