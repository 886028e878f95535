import {
  FuncType,
  TypeMismatchError,
  UnsupportedFeatureError,
  V128,
  Val,
  type ValType,
} from "@wasmcall/core-types";
import { Engine, Func, Instance, Module, Store, Tag, WasmException } from "@wasmcall/runtime";
import { describe, expect, it } from "vitest";
import { ModuleBuilder } from "../src/binary/module-builder.js";
import { OP } from "../src/binary/wasm-encoding.js";
import { hasTryTable } from "../src/trampoline/exception-reader.js";
import { call, thrown } from "./support/slot-call.js";

const hasExceptions = typeof (WebAssembly as { Tag?: unknown }).Tag === "function";

/** What the exceptions carry: every number type, v128 and a reference, NaN payloads kept. */
const PAYLOAD_TYPES: ValType[] = ["i32", "f32", "f64", "v128", "i64", "externref"];
const marker = { marker: true };
const PAYLOAD = (): Val[] => [
  Val.i32(-7),
  Val.f32Bits(0x7fa00001),
  Val.f64Bits(0x7ff0000000000abcn),
  Val.v128(V128.fromI32x4([1, -2, 3, 0x7fc00001])),
  Val.i64(-(2n ** 63n)),
  Val.externref(marker),
];

/** Writes, in a function body, a catch of what `call` throws with `tag` (results `block`). */
function catchInto(
  b: ModuleBuilder,
  w: Parameters<Parameters<ModuleBuilder["func"]>[2]>[0],
  block: number,
  tag: number,
  call: number,
) {
  if (hasTryTable()) {
    w.byte(OP.block);
    b.blockType(w, block);
    w.byte(OP.tryTable).byte(0x40).u32(1).byte(0x00).u32(tag).u32(0);
    w.byte(OP.call).u32(call).byte(OP.end).byte(OP.unreachable).byte(OP.end);
  } else {
    w.byte(OP.legacyTry);
    b.blockType(w, block);
    w.byte(OP.call).u32(call).byte(OP.unreachable).byte(OP.legacyCatch).u32(tag).byte(OP.end);
  }
}

/**
 * A module of a tag `t` of {@link PAYLOAD_TYPES} (exported), importing `env.host: () -> ()`,
 * exporting `throw` (takes the payload, throws it) and `catch` (calls `env.host`, catches an
 * exception of `t` and returns its payload).
 */
async function setup(host: (store: Store) => Func) {
  const b = new ModuleBuilder();
  const tagType = b.type(PAYLOAD_TYPES, []);
  const host0 = b.importFunc("env", "host", b.type([], []));
  const tag = b.tag(tagType);
  const thrower = b.func(tagType, [], (w) => {
    PAYLOAD_TYPES.forEach((_, i) => {
      w.byte(OP.localGet).u32(i);
    });
    w.byte(OP.throw).u32(tag);
  });
  const catcher = b.func(b.type([], PAYLOAD_TYPES), [], (w) => {
    catchInto(b, w, b.type([], PAYLOAD_TYPES), tag, host0);
  });
  b.export("t", "tag", tag);
  b.export("throw", "func", thrower);
  b.export("catch", "func", catcher);
  const engine = new Engine();
  const store = new Store(engine);
  const module = new Module(engine, b.finish());
  const instance = new Instance(store, module, [host(store)]);
  return { store, instance, tag: instance.tag("t") };
}

/** Each value's exact bits, to compare payloads. */
const bits = (vals: Val[]) => vals.map((v) => String(v));

describe.skipIf(!hasExceptions)("wasm exceptions reach the caller as WasmException", () => {
  it("gives an uncaught exception as a WasmException whose payload is exact, and the store stays usable", async () => {
    const { instance, tag, store } = await setup((s) =>
      Func.host(s, new FuncType([], []), () => {}),
    );
    const e = thrown(() => call(instance.func("throw"), ...PAYLOAD()));
    expect(e).toBeInstanceOf(WasmException);
    const ex = e as WasmException;
    expect(ex.code).toBe("WASM_EXCEPTION");
    expect(ex.is(tag)).toBe(true);
    const payload = ex.payload(tag);
    expect(bits(payload)).toEqual(bits(PAYLOAD()));
    expect(payload[5]?.externref()).toBe(marker);
    expect(bits(ex.payload(tag))).toEqual(bits(PAYLOAD()));
    const again = thrown(() => call(instance.func("throw"), Val.i32(1), ...PAYLOAD().slice(1)));
    expect((again as WasmException).payload(tag)[0]?.i32()).toBe(1);
    expect(store.slots.count).toBeGreaterThan(0);
  });

  it("refuses to read the payload with another tag or with no tag, and says it is not of that tag", async () => {
    const { instance, tag, store } = await setup((s) =>
      Func.host(s, new FuncType([], []), () => {}),
    );
    const ex = thrown(() => call(instance.func("throw"), ...PAYLOAD())) as WasmException;
    const other = Tag.create(store, new FuncType(["i32"], []));
    expect(ex.is(other)).toBe(false);
    expect(() => ex.payload(other)).toThrow(TypeMismatchError);
    expect(() => ex.payload({ js: tag.js } as unknown as Tag)).toThrow(TypeMismatchError);
    expect(ex.is({ js: tag.js } as unknown as Tag)).toBe(false);
    expect(bits(ex.payload(tag))).toEqual(bits(PAYLOAD()));
  });

  it("lets a host function throw an exception, made with WasmException.create, that wasm catches exactly", async () => {
    let tag: Tag | undefined;
    const { instance, tag: t } = await setup((s) =>
      Func.host(s, new FuncType([], []), () => {
        throw WasmException.create(tag as Tag, PAYLOAD());
      }),
    );
    tag = t;
    const results = call(instance.func("catch"));
    expect(bits(results)).toEqual(bits(PAYLOAD()));
    expect(results[5]?.externref()).toBe(marker);
  });

  it("lets an exception pass through a host function that called wasm, for wasm further out to catch", async () => {
    let thrower: Func | undefined;
    const { instance } = await setup((s) =>
      Func.host(s, new FuncType([], []), () => {
        call(thrower as Func, ...PAYLOAD());
      }),
    );
    thrower = instance.func("throw");
    expect(bits(call(instance.func("catch")))).toEqual(bits(PAYLOAD()));
  });

  it("refuses a payload of the wrong length or types, before anything is thrown", async () => {
    const { tag, store } = await setup((s) => Func.host(s, new FuncType([], []), () => {}));
    expect(() => WasmException.create(tag, PAYLOAD().slice(1))).toThrow(TypeMismatchError);
    const wrong = PAYLOAD();
    wrong[1] = Val.f64(1);
    expect(() => WasmException.create(tag, wrong)).toThrow(/payload\[1\]/);
    expect(() => WasmException.create(tag, [1, 2] as unknown as Val[])).toThrow(TypeMismatchError);
    expect(() => WasmException.create({} as Tag, [])).toThrow(TypeMismatchError);
    const ok = WasmException.create(tag, PAYLOAD());
    expect(bits(ok.payload(tag))).toEqual(bits(PAYLOAD()));
    const exnTag = (() => {
      const b = new ModuleBuilder();
      b.export("t", "tag", b.tag(b.type(["exnref"], [])));
      try {
        return new Instance(store, new Module(store.engine, b.finish()), []).tag("t");
      } catch {
        return undefined;
      }
    })();
    if (exnTag !== undefined) {
      expect(() => WasmException.create(exnTag, [Val.ref("exnref", null)])).toThrow(
        UnsupportedFeatureError,
      );
    }
  });
});
