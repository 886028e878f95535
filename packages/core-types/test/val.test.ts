import {
  type FuncHandle,
  FuncType,
  TypeMismatchError,
  typeName,
  V128,
  VAL_TYPES,
  Val,
  type ValType,
  ValueRangeError,
  WasmcallError,
} from "@wasmcall/core-types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/** Asserts that `f` throws a ValueRangeError whose message contains `text`. */
function expectRange(f: () => unknown, text: string): void {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ValueRangeError);
  const error = caught as ValueRangeError;
  expect(error).toBeInstanceOf(WasmcallError);
  expect(error.code).toBe("VALUE_RANGE");
  expect(error.name).toBe("ValueRangeError");
  expect(error.message).toContain(text);
}

/** A function handle as the runtime's `Func` would be, for funcref values. */
function handle(type = new FuncType(["i32"], ["i32"])): FuncHandle {
  return { ty: () => type, store: {} };
}

describe("Val.i32", () => {
  it("accepts the signed and the unsigned range and reads it back signed", () => {
    expect(Val.i32(0).i32()).toBe(0);
    expect(Val.i32(-1).i32()).toBe(-1);
    expect(Val.i32(-(2 ** 31)).i32()).toBe(-(2 ** 31));
    expect(Val.i32(2 ** 31 - 1).i32()).toBe(2 ** 31 - 1);
    expect(Val.i32(2 ** 31).i32()).toBe(-(2 ** 31));
    expect(Val.i32(2 ** 32 - 1).i32()).toBe(-1);
  });

  it("reads the bits back unsigned through u32", () => {
    expect(Val.i32(-1).u32()).toBe(2 ** 32 - 1);
    expect(Val.i32(2 ** 32 - 1).u32()).toBe(2 ** 32 - 1);
    expect(Val.i32(-(2 ** 31)).u32()).toBe(2 ** 31);
    expect(Val.i32(7).u32()).toBe(7);
  });

  it("turns -0 into 0", () => {
    expect(Object.is(Val.i32(-0).i32(), 0)).toBe(true);
  });

  it("gives the same value for a number and its two's-complement bits", () => {
    expect(Val.i32(0xffffffff).equals(Val.i32(-1))).toBe(true);
  });

  it.each([
    [1.5, "1.5"],
    [Number.NaN, "NaN"],
    [2 ** 32, "4294967296"],
    [-(2 ** 31) - 1, "-2147483649"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [Number.NEGATIVE_INFINITY, "-Infinity"],
  ])("rejects %s with a ValueRangeError naming it", (value, text) => {
    expectRange(() => Val.i32(value), `invalid i32 value ${text}`);
  });

  it("rejects non-numbers", () => {
    expectRange(() => Val.i32("1" as unknown as number), 'invalid i32 value "1"');
    expectRange(() => Val.i32(1n as unknown as number), "invalid i32 value 1n");
    expectRange(() => Val.i32(null as unknown as number), "invalid i32 value null");
    expectRange(() => Val.i32(undefined as unknown as number), "invalid i32 value undefined");
  });

  it("keeps the refused value and type on the error", () => {
    try {
      Val.i32(1.5);
      expect.unreachable();
    } catch (e) {
      expect((e as ValueRangeError).value).toBe(1.5);
      expect((e as ValueRangeError).type).toBe("i32");
    }
  });
});

describe("Val.i64", () => {
  it("accepts the signed and the unsigned range and reads it back signed", () => {
    expect(Val.i64(0n).i64()).toBe(0n);
    expect(Val.i64(-1n).i64()).toBe(-1n);
    expect(Val.i64(-(2n ** 63n)).i64()).toBe(-(2n ** 63n));
    expect(Val.i64(2n ** 63n - 1n).i64()).toBe(2n ** 63n - 1n);
    expect(Val.i64(2n ** 63n).i64()).toBe(-(2n ** 63n));
    expect(Val.i64(2n ** 64n - 1n).i64()).toBe(-1n);
  });

  it("reads the bits back unsigned through u64", () => {
    expect(Val.i64(-1n).u64()).toBe(2n ** 64n - 1n);
    expect(Val.i64(-(2n ** 63n)).u64()).toBe(2n ** 63n);
    expect(Val.i64(5n).u64()).toBe(5n);
  });

  it("rejects bigints outside -2^63..2^64-1, naming them", () => {
    expectRange(() => Val.i64(2n ** 64n), "invalid i64 value 18446744073709551616n");
    expectRange(() => Val.i64(-(2n ** 63n) - 1n), "invalid i64 value -9223372036854775809n");
  });

  it("rejects numbers and other non-bigints", () => {
    expectRange(() => Val.i64(1 as unknown as bigint), "invalid i64 value 1");
    expectRange(() => Val.i64(0 as unknown as bigint), "not a bigint");
    expectRange(() => Val.i64("1" as unknown as bigint), 'invalid i64 value "1"');
  });
});

describe("Val.f32", () => {
  it("accepts numbers exactly representable as f32", () => {
    expect(Val.f32(0.5).f32()).toBe(0.5);
    expect(Val.f32(0.5).f32Bits()).toBe(0x3f000000);
    expect(Val.f32(1).f32Bits()).toBe(0x3f800000);
    expect(Val.f32(-2).f32Bits()).toBe(0xc0000000);
    expect(Val.f32(Math.fround(0.1)).f32()).toBe(Math.fround(0.1));
    expect(Val.f32(2 ** -149).f32Bits()).toBe(1); // the smallest subnormal
  });

  it("keeps the sign of zero in the bits", () => {
    expect(Val.f32(0).f32Bits()).toBe(0);
    expect(Val.f32(-0).f32Bits()).toBe(0x80000000);
    expect(Object.is(Val.f32(-0).f32(), -0)).toBe(true);
    expect(Val.f32(0).equals(Val.f32(-0))).toBe(false);
  });

  it("accepts the infinities", () => {
    expect(Val.f32(Number.POSITIVE_INFINITY).f32Bits()).toBe(0x7f800000);
    expect(Val.f32(Number.NEGATIVE_INFINITY).f32Bits()).toBe(0xff800000);
    expect(Val.f32(Number.POSITIVE_INFINITY).f32()).toBe(Number.POSITIVE_INFINITY);
  });

  it("turns a NaN number into the canonical quiet NaN", () => {
    expect(Val.f32(Number.NaN).f32Bits()).toBe(0x7fc00000);
    expect(Val.f32(Number.NaN).f32()).toBeNaN();
  });

  it("rejects numbers that f32 would round, naming them", () => {
    expectRange(() => Val.f32(0.1), "invalid f32 value 0.1: not exactly representable as f32");
    expectRange(() => Val.f32(2 ** 128), "not exactly representable");
    expectRange(() => Val.f32(1 + 2 ** -30), "not exactly representable");
  });

  it("rejects non-numbers", () => {
    expectRange(() => Val.f32("0.5" as unknown as number), 'invalid f32 value "0.5"');
    expectRange(() => Val.f32(1n as unknown as number), "invalid f32 value 1n");
  });
});

describe("Val.f32Bits", () => {
  it.each([
    0x7fa00000, // signalling NaN
    0x7fc00000, // canonical quiet NaN
    0xffc00000, // negative quiet NaN
    0x7f800001, // signalling NaN, smallest payload
    0x7fffffff, // quiet NaN, largest payload
    0xffa00001, // negative signalling NaN with payload
    0x80000000, // -0
    0x00000001, // smallest subnormal
  ])("keeps the bits 0x%s exactly", (bits) => {
    const v = Val.f32Bits(bits);
    expect(v.type).toBe("f32");
    expect(v.f32Bits()).toBe(bits);
  });

  it("accepts negative i32 bit patterns, read back unsigned", () => {
    expect(Val.f32Bits(-1).f32Bits()).toBe(0xffffffff);
    expect(Val.f32Bits(-(2 ** 31)).f32Bits()).toBe(0x80000000);
  });

  it("rejects values that are not 32-bit patterns", () => {
    expectRange(() => Val.f32Bits(2 ** 32), "invalid f32 bits value 4294967296");
    expectRange(() => Val.f32Bits(-(2 ** 31) - 1), "invalid f32 bits value -2147483649");
    expectRange(() => Val.f32Bits(1.5), "invalid f32 bits value 1.5");
    expectRange(() => Val.f32Bits(Number.NaN), "invalid f32 bits value NaN");
    expectRange(() => Val.f32Bits(1n as unknown as number), "invalid f32 bits value 1n");
  });

  it("agrees with f32 for ordinary numbers", () => {
    expect(Val.f32Bits(0x3fc00000).f32()).toBe(1.5);
    expect(Val.f32Bits(0x3fc00000).equals(Val.f32(1.5))).toBe(true);
  });

  it("round trips every 32-bit pattern (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (bits) => {
        expect(Val.f32Bits(bits).f32Bits()).toBe(bits);
        expect(Val.f32Bits(bits | 0).f32Bits()).toBe(bits);
      }),
      { numRuns: 2000 },
    );
  });

  it("round trips every NaN pattern (property)", () => {
    const nan = fc
      .record({ sign: fc.boolean(), payload: fc.integer({ min: 1, max: 0x7fffff }) })
      .map(({ sign, payload }) => ((sign ? 0xff800000 : 0x7f800000) | payload) >>> 0);
    fc.assert(
      fc.property(nan, (bits) => {
        const v = Val.f32Bits(bits);
        expect(v.f32()).toBeNaN();
        expect(v.f32Bits()).toBe(bits);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("Val.f64", () => {
  it("holds any number, keeping the sign of zero", () => {
    expect(Val.f64(0.1).f64()).toBe(0.1);
    expect(Val.f64(1).f64Bits()).toBe(0x3ff0000000000000n);
    expect(Val.f64(-0).f64Bits()).toBe(0x8000000000000000n);
    expect(Object.is(Val.f64(-0).f64(), -0)).toBe(true);
    expect(Val.f64(Number.NEGATIVE_INFINITY).f64Bits()).toBe(0xfff0000000000000n);
    expect(Val.f64(Number.MIN_VALUE).f64Bits()).toBe(1n);
  });

  it("turns a NaN number into the canonical quiet NaN", () => {
    expect(Val.f64(Number.NaN).f64Bits()).toBe(0x7ff8000000000000n);
  });

  it("rejects non-numbers", () => {
    expectRange(() => Val.f64(1n as unknown as number), "invalid f64 value 1n: not a number");
    expectRange(() => Val.f64("1" as unknown as number), 'invalid f64 value "1"');
  });
});

describe("Val.f64Bits", () => {
  it.each([
    0x7ff4000000000001n, // signalling NaN with payload
    0x7ff8000000000000n, // canonical quiet NaN
    0xfff8000000000001n, // negative quiet NaN with payload
    0x7ff0000000000001n, // signalling NaN, smallest payload
    0x7fffffffffffffffn, // largest payload
    0x8000000000000000n, // -0
    0x0000000000000001n, // smallest subnormal
  ])("keeps the bits %s exactly", (bits) => {
    const v = Val.f64Bits(bits);
    expect(v.type).toBe("f64");
    expect(v.f64Bits()).toBe(bits);
  });

  it("keeps a signalling NaN's payload in the raw words", () => {
    const v = Val.f64Bits(0x7ff4000000000001n);
    expect(v.lo).toBe(1);
    expect(v.hi).toBe(0x7ff40000);
    expect(v.f64()).toBeNaN();
  });

  it("accepts negative i64 bit patterns, read back unsigned", () => {
    expect(Val.f64Bits(-1n).f64Bits()).toBe(2n ** 64n - 1n);
    expect(Val.f64Bits(-(2n ** 63n)).f64Bits()).toBe(2n ** 63n);
  });

  it("rejects values that are not 64-bit patterns", () => {
    expectRange(() => Val.f64Bits(2n ** 64n), "invalid f64 bits value 18446744073709551616n");
    expectRange(() => Val.f64Bits(-(2n ** 63n) - 1n), "outside -2^63..2^64-1");
    expectRange(() => Val.f64Bits(1 as unknown as bigint), "invalid f64 bits value 1");
  });

  it("round trips every 64-bit pattern (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (bits) => {
        expect(Val.f64Bits(bits).f64Bits()).toBe(bits);
        expect(Val.f64Bits(BigInt.asIntN(64, bits)).f64Bits()).toBe(bits);
      }),
      { numRuns: 2000 },
    );
  });

  it("round trips every NaN pattern (property)", () => {
    const nan = fc
      .record({ sign: fc.boolean(), payload: fc.bigInt({ min: 1n, max: 2n ** 52n - 1n }) })
      .map(({ sign, payload }) => (sign ? 0xfff0000000000000n : 0x7ff0000000000000n) | payload);
    fc.assert(
      fc.property(nan, (bits) => {
        const v = Val.f64Bits(bits);
        expect(v.f64()).toBeNaN();
        expect(v.f64Bits()).toBe(bits);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("Val.f64Words", () => {
  it("keeps a NaN payload given as two words", () => {
    const v = Val.f64Words(0x00000001, 0x7ff40000);
    expect(v.f64Bits()).toBe(0x7ff4000000000001n);
    expect(v.equals(Val.f64Bits(0x7ff4000000000001n))).toBe(true);
  });

  it("accepts words as signed or unsigned 32-bit patterns", () => {
    expect(Val.f64Words(-1, -1).f64Bits()).toBe(2n ** 64n - 1n);
    expect(Val.f64Words(0xffffffff, 0xffffffff).f64Bits()).toBe(2n ** 64n - 1n);
    expect(Val.f64Words(0, 0x3ff00000).f64()).toBe(1);
  });

  it("rejects words that are not 32-bit patterns", () => {
    expectRange(() => Val.f64Words(2 ** 32, 0), "4294967296, 0");
    expectRange(() => Val.f64Words(0, 1.5), "not two 32-bit words");
    expectRange(() => Val.f64Words(0, Number.NaN), "invalid f64 words value");
  });

  it("agrees with f64Bits (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        (lo, hi) => {
          const bits = (BigInt(hi) << 32n) | BigInt(lo);
          expect(Val.f64Words(lo, hi).f64Bits()).toBe(bits);
          expect(Val.f64Words(lo | 0, hi | 0).equals(Val.f64Bits(bits))).toBe(true);
        },
      ),
    );
  });
});

describe("Val.i64 (property)", () => {
  it("round trips every 64-bit pattern, signed through i64 and unsigned through u64", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (bits) => {
        const signed = BigInt.asIntN(64, bits);
        expect(Val.i64(bits).i64()).toBe(signed);
        expect(Val.i64(bits).u64()).toBe(bits);
        expect(Val.i64(signed).u64()).toBe(bits);
        expect(Val.i64(bits).equals(Val.i64(signed))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("Val.v128", () => {
  it("holds a V128 as given", () => {
    const v = V128.fromI32x4([1, 2, 3, 4]);
    expect(Val.v128(v).v128()).toBe(v);
  });

  it("copies 16 bytes", () => {
    const bytes = new Uint8Array(16).fill(7);
    const v = Val.v128(bytes);
    bytes[0] = 0;
    expect(v.v128().bytes()[0]).toBe(7);
    expect(
      Val.v128(Array.from({ length: 16 }, (_, i) => i))
        .v128()
        .u8x16()[15],
    ).toBe(15);
  });

  it("rejects other lengths and non-vectors", () => {
    expectRange(() => Val.v128(new Uint8Array(15)), "invalid v128 value");
    expectRange(() => Val.v128(new Uint8Array(17)), "needs 16 bytes, got 17");
    expectRange(() => Val.v128(null as unknown as V128), "invalid v128 value null");
    expectRange(() => Val.v128(16 as unknown as V128), "invalid v128 value 16");
    expectRange(() => Val.v128("0123456789abcdef" as unknown as V128), "not a V128 or 16 bytes");
  });
});

describe("Val.externref", () => {
  it("holds any value, objects by identity", () => {
    const object = { a: 1 };
    const fn = () => 1;
    const symbol = Symbol("s");
    expect(Val.externref(object).externref()).toBe(object);
    expect(Val.externref(fn).externref()).toBe(fn);
    expect(Val.externref(symbol).externref()).toBe(symbol);
    expect(Val.externref(42).externref()).toBe(42);
    expect(Val.externref("text").externref()).toBe("text");
    expect(Val.externref(10n).externref()).toBe(10n);
    expect(Object.is(Val.externref(Number.NaN).externref(), Number.NaN)).toBe(true);
  });

  it("holds null and undefined as distinct values", () => {
    expect(Val.externref(null).externref()).toBeNull();
    expect(Val.externref(undefined).externref()).toBeUndefined();
    expect(Val.externref(null).equals(Val.externref(undefined))).toBe(false);
  });
});

describe("Val.funcref", () => {
  it("holds a function handle by identity, or null", () => {
    const f = handle();
    expect(Val.funcref(f).funcref()).toBe(f);
    expect(Val.funcref(null).funcref()).toBeNull();
  });

  it.each([
    ["undefined", undefined],
    ["a number", 1],
    ["a plain object", {}],
    ["a JS function", () => 1],
    ["a Val", Val.i32(1)],
    ["an object whose ty is not a function", { ty: 1, store: {} }],
  ])("rejects %s with a TypeMismatchError", (_, value) => {
    let caught: unknown;
    try {
      Val.funcref(value as unknown as FuncHandle);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TypeMismatchError);
    expect((caught as TypeMismatchError).code).toBe("TYPE_MISMATCH");
    expect((caught as TypeMismatchError).expected).toBe("a Func or null");
  });

  it("names what it found", () => {
    expect(() => Val.funcref(1 as unknown as FuncHandle)).toThrow(
      "Val.funcref: expected a Func or null, found number",
    );
    expect(() => Val.funcref(Val.i32(1) as unknown as FuncHandle)).toThrow("found i32");
  });
});

describe("accessors", () => {
  const samples: Record<string, Val> = {
    i32: Val.i32(1),
    i64: Val.i64(1n),
    f32: Val.f32(1),
    f64: Val.f64(1),
    v128: Val.v128(V128.zero()),
    funcref: Val.funcref(null),
    externref: Val.externref(null),
  };
  const accessors: Record<string, (v: Val) => unknown> = {
    i32: (v) => v.i32(),
    u32: (v) => v.u32(),
    i64: (v) => v.i64(),
    u64: (v) => v.u64(),
    f32: (v) => v.f32(),
    f32Bits: (v) => v.f32Bits(),
    f64: (v) => v.f64(),
    f64Bits: (v) => v.f64Bits(),
    v128: (v) => v.v128(),
    funcref: (v) => v.funcref(),
    externref: (v) => v.externref(),
  };
  const accessorType: Record<string, ValType> = {
    i32: "i32",
    u32: "i32",
    i64: "i64",
    u64: "i64",
    f32: "f32",
    f32Bits: "f32",
    f64: "f64",
    f64Bits: "f64",
    v128: "v128",
    funcref: "funcref",
    externref: "externref",
  };

  it("work only on values of their type, throwing TypeMismatchError otherwise", () => {
    let checked = 0;
    for (const type of VAL_TYPES) {
      for (const [name, read] of Object.entries(accessors)) {
        const value = samples[type] as Val;
        const wanted = accessorType[name] as ValType;
        if (wanted === type) {
          expect(() => read(value)).not.toThrow();
        } else {
          let caught: unknown;
          try {
            read(value);
          } catch (e) {
            caught = e;
          }
          expect(caught, `${name}() of ${type}`).toBeInstanceOf(TypeMismatchError);
          const error = caught as TypeMismatchError;
          expect(error.expected).toBe(wanted);
          expect(error.actual).toBe(type);
          expect(error.message).toContain(`expected ${wanted}, found ${type}`);
          checked++;
        }
      }
    }
    expect(checked).toBe(7 * 11 - 11);
  });
});

describe("Val.default", () => {
  it("gives the zero value of every type", () => {
    expect(Val.default("i32").i32()).toBe(0);
    expect(Val.default("i64").i64()).toBe(0n);
    expect(Val.default("f32").f32Bits()).toBe(0);
    expect(Val.default("f64").f64Bits()).toBe(0n);
    expect(Val.default("v128").v128().equals(V128.zero())).toBe(true);
    expect(Val.default("funcref").funcref()).toBeNull();
    expect(Val.default("externref").externref()).toBeNull();
    for (const type of VAL_TYPES) expect(Val.default(type).type).toBe(type);
  });

  it("equals the zero made by the constructors", () => {
    expect(Val.default("i32").equals(Val.i32(0))).toBe(true);
    expect(Val.default("i64").equals(Val.i64(0n))).toBe(true);
    expect(Val.default("f32").equals(Val.f32(0))).toBe(true);
    expect(Val.default("f64").equals(Val.f64(0))).toBe(true);
    expect(Val.default("v128").equals(Val.v128(new Uint8Array(16)))).toBe(true);
  });

  it("rejects a name that is not a value type", () => {
    expect(() => Val.default("i8" as ValType)).toThrow(TypeMismatchError);
  });
});

describe("Val.equals", () => {
  it("compares type and bits", () => {
    expect(Val.i32(1).equals(Val.i32(1))).toBe(true);
    expect(Val.i32(1).equals(Val.i32(2))).toBe(false);
    expect(Val.i32(0).equals(Val.f32(0))).toBe(false);
    expect(Val.i64(1n).equals(Val.i64(1n))).toBe(true);
    expect(Val.i64(1n).equals(Val.i64(2n))).toBe(false);
    expect(Val.f32Bits(0x7fa00000).equals(Val.f32Bits(0x7fa00000))).toBe(true);
    expect(Val.f32Bits(0x7fa00000).equals(Val.f32Bits(0x7fc00000))).toBe(false);
    expect(Val.f64(Number.NaN).equals(Val.f64(Number.NaN))).toBe(true);
    expect(Val.f64Bits(0x7ff4000000000001n).equals(Val.f64Bits(0x7ff4000000000002n))).toBe(false);
  });

  it("compares vectors by their bytes", () => {
    const a = Val.v128(V128.fromI32x4([1, 2, 3, 4]));
    const b = Val.v128(V128.fromI32x4([1, 2, 3, 4]));
    expect(a.equals(b)).toBe(true);
    expect(a.equals(Val.v128(V128.fromI32x4([1, 2, 3, 5])))).toBe(false);
  });

  it("compares references by identity", () => {
    const object = {};
    expect(Val.externref(object).equals(Val.externref(object))).toBe(true);
    expect(Val.externref(object).equals(Val.externref({}))).toBe(false);
    expect(Val.externref(null).equals(Val.funcref(null))).toBe(false);
    const f = handle();
    expect(Val.funcref(f).equals(Val.funcref(f))).toBe(true);
    expect(Val.funcref(f).equals(Val.funcref(handle()))).toBe(false);
    expect(Val.funcref(null).equals(Val.funcref(null))).toBe(true);
  });
});

describe("Val.toString", () => {
  it("shows the type and the value, floats as bits", () => {
    expect(String(Val.i32(-1))).toBe("i32:-1");
    expect(String(Val.i32(0xffffffff))).toBe("i32:-1");
    expect(String(Val.i64(5n))).toBe("i64:5");
    expect(String(Val.i64(2n ** 64n - 1n))).toBe("i64:-1");
    expect(String(Val.f32Bits(0x7fa00000))).toBe("f32:0x7fa00000");
    expect(String(Val.f32(1))).toBe("f32:0x3f800000");
    expect(String(Val.f64(1))).toBe("f64:0x3ff0000000000000");
    expect(String(Val.f64Bits(0x7ff4000000000001n))).toBe("f64:0x7ff4000000000001");
    expect(String(Val.v128(V128.fromI32x4([1, 2, 3, -1])))).toBe(
      "v128:i32x4 0x00000001 0x00000002 0x00000003 0xffffffff",
    );
    expect(String(Val.externref(null))).toBe("externref:null");
    expect(String(Val.externref(new Map()))).toBe("externref:Map");
    expect(String(Val.externref("s"))).toBe("externref:string");
    expect(String(Val.funcref(null))).toBe("funcref:null");
    expect(String(Val.funcref(handle(new FuncType(["i32"], ["i64"]))))).toBe(
      "funcref:(i32) -> i64",
    );
  });
});

describe("raw fields", () => {
  it("hold what the call strategies read", () => {
    expect(Val.i32(0xffffffff).lo).toBe(-1);
    expect(Val.f32Bits(0xffc00000).lo).toBe(0xffc00000);
    const f64 = Val.f64Bits(0x0123456789abcdefn);
    expect(f64.lo).toBe(0x89abcdef);
    expect(f64.hi).toBe(0x01234567);
    expect(Val.i64(2n ** 64n - 1n).ref).toBe(-1n);
    const object = {};
    expect(Val.externref(object).ref).toBe(object);
  });

  it("make a value through Val.raw, unchecked", () => {
    expect(Val.raw("i32", -1, 0, null).equals(Val.i32(-1))).toBe(true);
    expect(Val.raw("f64", 1, 0x7ff40000, null).f64Bits()).toBe(0x7ff4000000000001n);
    expect(Val.raw("i64", 0, 0, -5n).i64()).toBe(-5n);
  });
});

describe("Val immutability and brand", () => {
  it("cannot be changed through its properties, and reads back what it was made with", () => {
    const x = Val.i32(1);
    expect(() => {
      (x as unknown as { lo: number }).lo = 1.5;
    }).toThrow(TypeError);
    Object.defineProperty(x, "lo", { value: 1.5 });
    expect(x.i32()).toBe(1);
    expect(Val.loOf(x)).toBe(1);
    expect(Val.typeOf(x)).toBe("i32");
    const y = Val.i64(1n);
    Object.defineProperty(y, "ref", { value: 2n ** 70n });
    expect(y.i64()).toBe(1n);
    expect(Val.refOf(y)).toBe(1n);
    expect(y.equals(Val.i64(1n))).toBe(true);
  });

  it("is made only by its static constructors", () => {
    const ctor = Val as unknown as new (...args: unknown[]) => Val;
    expect(() => new ctor(Symbol("Val"), "i32", 1.5, 0, null, false)).toThrow(TypeMismatchError);
    class Sub extends ctor {}
    expect(() => new Sub(undefined, "i32", 1.5, 0, null, true)).toThrow(TypeMismatchError);
  });

  it("tells real values from look-alikes", () => {
    expect(Val.is(Val.i32(1))).toBe(true);
    expect(Val.is(Val.cell())).toBe(true);
    const fake = Object.create(Val.prototype, { type: { value: "i32" }, lo: { value: 1 } });
    expect(fake instanceof Val).toBe(true);
    expect(Val.is(fake)).toBe(false);
    expect(Val.is(new Proxy(Val.i32(1), {}))).toBe(false);
    expect(Val.is({ type: "i32", lo: 1, hi: 0, ref: null })).toBe(false);
    expect(Val.is(null)).toBe(false);
    expect(Val.is(1)).toBe(false);
    expect(Val.isResultCell(Val.cell())).toBe(true);
    expect(Val.isResultCell(Val.i32(0))).toBe(false);
    expect(Val.i32(1).equals(fake)).toBe(false);
  });

  it("names look-alikes in error messages: a forged Val, or a Val of another copy", () => {
    const fake = Object.create(Val.prototype);
    expect(typeName(fake)).toContain("not made by Val's constructors");
    class Val2 {}
    Object.defineProperty(Val2, "name", { value: "Val" });
    expect(typeName(new Val2())).toContain("a Val of another copy of @wasmcall/core-types");
  });

  it("is changed by Val.put only when it is a result cell", () => {
    const cell = Val.cell();
    const target = [cell];
    Val.put(target, 0, "i32", 7, 0, null);
    expect(target[0]).toBe(cell);
    expect(cell.i32()).toBe(7);
    const plain = Val.i32(1);
    const other = [plain];
    Val.put(other, 0, "i32", 7, 0, null);
    expect(other[0]).not.toBe(plain);
    expect(plain.i32()).toBe(1);
  });
});
