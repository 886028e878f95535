import {
  type Caller,
  CompileError,
  refParts,
  TypeMismatchError,
  UnsupportedFeatureError,
  V128,
  Val,
} from "@wasmcall/core-types";
import { Func, Module } from "@wasmcall/runtime";
import { GC_MODULE, GC_SUPPORTED } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { thrownBy } from "./support/call.js";
import { exportedFunc, instantiate, newStore } from "./support/instantiate.js";

/** Calls through `caller` with `params`, its results written into a fresh array. */
function call(caller: Caller, ...params: Val[]): Val[] {
  const results: Val[] = new Array(caller.type.results.length);
  caller.call(params, results);
  return results;
}

/** The f64 NaN with the payload 1, which a JavaScript number may not keep. */
const NAN_BITS = 0x7ff4000000000001n;

for (const strategy of STRATEGIES) {
  describe.skipIf(!GC_SUPPORTED)(`${strategy.name}: references of WebAssembly 3.0`, () => {
    /** The module in a fresh store, its host function echoing its first parameter. */
    function fixture() {
      const store = newStore();
      const module = new Module(store.engine, GC_MODULE);
      const hostImport = module.imports()[0]?.type;
      if (hostImport?.kind !== "func") throw new Error("the module imports a function first");
      const seen: string[] = [];
      const host = Func.host(store, hostImport.type, (params, results) => {
        seen.push(...params.map(String));
        results[0] = params[0] as Val;
      });
      const instance = instantiate(store, GC_MODULE, [host]);
      const caller = (name: string) => strategy.prepare(store, exportedFunc(instance, name));
      return { store, instance, host, seen, caller };
    }

    it("passes structs out and in, their fields exact (an f64 NaN payload too)", () => {
      const { caller } = fixture();
      const [point] = call(caller("point"), Val.i32(7), Val.f64Bits(NAN_BITS));
      expect(refParts(point?.type as string)?.nullable).toBe(false);
      expect(point?.ref).not.toBe(null);
      expect(call(caller("x"), point as Val)[0]?.i32()).toBe(7);
      expect(call(caller("y"), point as Val)[0]?.f64Bits()).toBe(NAN_BITS);
      const none = Val.default(caller("x").type.params[0] as never);
      expect(call(caller("x"), none)[0]?.i32()).toBe(-1);
    });

    it("mixes references with v128, and gives back the same object", () => {
      const { caller } = fixture();
      const [point] = call(caller("point"), Val.i32(1), Val.f64(0.5));
      const vector = V128.fromI32x4([1, -2, 0x7fc00001, 4]);
      const [v, any] = call(caller("with_v128"), point as Val, Val.v128(vector));
      expect(v?.v128().equals(vector)).toBe(true);
      expect(any?.type).toBe("anyref");
      expect(any?.ref).toBe(point?.ref);
    });

    it("holds host values, i31s and GC objects in an anyref, the same ones back", () => {
      const { caller } = fixture();
      const host = { id: 1 };
      expect(call(caller("any"), Val.anyref(host))[0]?.ref).toBe(host);
      expect(call(caller("any"), Val.anyref("text"))[0]?.ref).toBe("text");
      expect(call(caller("any"), Val.i31ref(5))[0]?.ref).toBe(5);
      expect(call(caller("any"), Val.anyref(null))[0]?.ref).toBe(null);
      const [point] = call(caller("point"), Val.i32(1), Val.f64(0.5));
      expect(call(caller("any"), point as Val)[0]?.ref).toBe(point?.ref);
    });

    it("passes i31s both ways, and refuses null for a non-nullable parameter", () => {
      const { caller } = fixture();
      const [i31] = call(caller("i31"), Val.i32(-3));
      expect(i31?.type).toBe("(ref i31)");
      expect(i31?.ref).toBe(-3);
      expect(call(caller("i31_get"), i31 as Val)[0]?.i32()).toBe(-3);
      expect(call(caller("i31_get"), Val.i31ref(2 ** 30 - 1))[0]?.i32()).toBe(2 ** 30 - 1);
      expect(thrownBy(() => call(caller("i31_get"), Val.default("i31ref")))).toBeInstanceOf(
        TypeMismatchError,
      );
    });

    it("takes a subtype's value where its supertype is expected, and refuses another type", () => {
      const { caller } = fixture();
      const [square] = call(caller("square"), Val.i32(2), Val.f32(1.5));
      expect(call(caller("side"), square as Val)[0]?.i32()).toBe(2);
      const [point] = call(caller("point"), Val.i32(1), Val.f64(0.5));
      const e = thrownBy(() => call(caller("side"), point as Val));
      expect(e).toBeInstanceOf(TypeMismatchError);
      expect((e as Error).message).toMatch(
        /argument 0: expected \(ref \$struct\d+\), found \(ref \$struct\d+\)/,
      );
    });

    it("casts nothing down: an anyref is an eqref only once Val.ref has tested it", () => {
      const { caller } = fixture();
      expect(thrownBy(() => call(caller("eq"), Val.anyref(5)))).toBeInstanceOf(TypeMismatchError);
      expect(call(caller("eq"), Val.ref("eqref", 5))[0]?.ref).toBe(5);
      const [point] = call(caller("point"), Val.i32(1), Val.f64(0.5));
      expect(call(caller("eq"), Val.ref("eqref", point?.ref))[0]?.ref).toBe(point?.ref);
      expect(thrownBy(() => Val.ref("eqref", { id: 1 }))).toBeInstanceOf(TypeMismatchError);
      const squareType = caller("side").type.params[0] as never;
      expect(thrownBy(() => Val.ref(squareType, point?.ref))).toBeInstanceOf(TypeMismatchError);
    });

    it("calls a host function with anyrefs, from wasm, exactly", () => {
      const { caller, seen } = fixture();
      const host = { id: 2 };
      expect(call(caller("via_host"), Val.anyref(host))[0]?.ref).toBe(host);
      expect(seen).toEqual(["anyref:Object", "i32:3"]);
    });

    it("passes a function as a non-nullable function reference", () => {
      const { caller, host } = fixture();
      const [back] = call(caller("func"), Val.ref("(ref func)", host));
      expect(back?.funcref()).toBe(host);
      expect(thrownBy(() => call(caller("func"), Val.funcref(null)))).toBeInstanceOf(
        TypeMismatchError,
      );
    });

    it("refuses an exnref parameter with a typed error: JavaScript cannot pass one", () => {
      const { caller } = fixture();
      expect(thrownBy(() => call(caller("exn"), Val.default("exnref")))).toBeInstanceOf(
        UnsupportedFeatureError,
      );
    });
  });
}

describe.skipIf(GC_SUPPORTED)("shared: an engine without garbage collection", () => {
  it("refuses the module with the engine's own CompileError", () => {
    const store = newStore();
    const e = thrownBy(() => new Module(store.engine, GC_MODULE));
    expect(e).toBeInstanceOf(CompileError);
    expect((e as Error).message).not.toMatch(/malformed module at byte/);
  });
});
