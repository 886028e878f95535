import { FuncType, V128, Val } from "@wasmcall/core-types";
import { Func, type Instance, type Store, type Tag, WasmException } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import { describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { expectSameVals, invoke, thrownBy } from "./support/call.js";
import { exportedFunc, instantiate, newStore } from "./support/instantiate.js";

/** Whether the engine has exception handling (`throw`; the legacy proposal is enough). */
const HAS_EXCEPTIONS = typeof (WebAssembly as { Tag?: unknown }).Tag === "function";

const PAYLOAD_TYPE = "(param i32 f32 f64 v128 i64 externref)";

/** A tag `t` carrying every number type, v128 and externref, and `throw`, which throws one. */
const THROWER = await wat(
  `(module
    (tag $t (export "t") ${PAYLOAD_TYPE})
    (func (export "throw") ${PAYLOAD_TYPE}
      local.get 0 local.get 1 local.get 2 local.get 3 local.get 4 local.get 5
      throw $t))`,
  { features: { exceptions: true } },
);

/**
 * Imports the tag of {@link THROWER} and `env.host: () -> ()`; `catch` calls `env.host` and
 * returns the payload of the exception of the tag it throws (caught by a `try_table`).
 */
const CATCHER = await wat(
  `(module
    (type $r (func (result i32 f32 f64 v128 i64 externref)))
    (import "env" "t" (tag $t ${PAYLOAD_TYPE}))
    (import "env" "host" (func $host))
    (func (export "catch") (type $r)
      (block $b (type $r)
        (try_table (catch $t $b) (call $host))
        unreachable)))`,
  { features: { exceptions: true } },
);

/** Whether the engine has `try_table` (exception handling of WebAssembly 3.0). */
const HAS_TRY_TABLE = HAS_EXCEPTIONS && WebAssembly.validate(CATCHER);

const marker = { marker: "payload" };

/** A payload with NaN payloads, a v128 and a reference, different for each `n`. */
function payload(n: number): Val[] {
  return [
    Val.i32(-n),
    Val.f32Bits(0x7fa00000 + n),
    Val.f64Bits(0xfff0000000000000n + BigInt(n)),
    Val.v128(V128.fromI32x4([n, -n, 0x7fc00001, 0x7f800000 + n])),
    Val.i64(-(2n ** 63n) + BigInt(n)),
    Val.externref(marker),
  ];
}

/** The thrower instantiated in a fresh store. */
function thrower(): { store: Store; instance: Instance; tag: Tag } {
  const store = newStore();
  const instance = instantiate(store, THROWER);
  return { store, instance, tag: instance.tag("t") };
}

for (const strategy of STRATEGIES) {
  describe.skipIf(!HAS_EXCEPTIONS)(`${strategy.name}: wasm exceptions`, () => {
    it("gives an exception no wasm caught as a WasmException with its payload exact, and the store stays usable", () => {
      const { store, instance, tag } = thrower();
      const caller = strategy.prepare(store, exportedFunc(instance, "throw"));
      for (const n of [1, 2]) {
        const e = thrownBy(() => invoke(caller, payload(n)));
        expect(e).toBeInstanceOf(WasmException);
        expect((e as WasmException).is(tag)).toBe(true);
        const values = (e as WasmException).payload(tag);
        expectSameVals(values, payload(n), "payload");
        expect(values[5]?.externref()).toBe(marker);
      }
    });

    it.skipIf(!HAS_TRY_TABLE)(
      "lets a host function throw a WasmException that wasm catches, payload exact",
      () => {
        const { store, tag } = thrower();
        const host = Func.host(store, new FuncType([], []), () => {
          throw WasmException.create(tag, payload(3));
        });
        const catcher = instantiate(store, CATCHER, [tag, host]);
        const caller = strategy.prepare(store, exportedFunc(catcher, "catch"));
        expectSameVals(invoke(caller, []), payload(3), "caught");
      },
    );

    it.skipIf(!HAS_TRY_TABLE)(
      "lets an exception pass through a host function that called wasm, for wasm further out",
      () => {
        const { store, instance, tag } = thrower();
        const inner = strategy.prepare(store, exportedFunc(instance, "throw"));
        const host = Func.host(store, new FuncType([], []), () => {
          invoke(inner, payload(4));
        });
        const catcher = instantiate(store, CATCHER, [tag, host]);
        const caller = strategy.prepare(store, exportedFunc(catcher, "catch"));
        expectSameVals(invoke(caller, []), payload(4), "caught");
        expectSameVals(invoke(caller, []), payload(4), "caught again");
      },
    );
  });
}

describe.skipIf(!HAS_EXCEPTIONS)("shared: wasm exceptions", () => {
  it("are told apart by tag: another tag is not theirs, and reads no payload", () => {
    const { store, tag } = thrower();
    const other = instantiate(store, THROWER).tag("t");
    const made = WasmException.create(tag, payload(5));
    expect(made.is(tag)).toBe(true);
    expect(made.is(other)).toBe(false);
    expect(() => made.payload(other)).toThrow(/the tag of the exception/);
    expectSameVals(made.payload(tag), payload(5), "payload");
  });
});
