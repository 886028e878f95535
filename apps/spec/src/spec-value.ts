import {
  type FuncHandle,
  isRefType,
  type RefType,
  refParts,
  refTest,
  V128,
  Val,
  type ValType,
} from "@wasmcall/core-types";
import { HostRef, type HostRefs } from "./host-refs.js";
import type { SpecValue } from "./spec-format.js";

/** The two NaN patterns an expected float may name instead of exact bits. */
export type NanPattern = "nan:canonical" | "nan:arithmetic";

/** The lane shapes of a v128 value as wast2json names them. */
export type LaneType = "i8" | "i16" | "i32" | "i64" | "f32" | "f64";

/**
 * One result an assertion expects: exact bits, a NaN pattern (per lane for v128), a host
 * reference (by identity), a null reference, or any non-null funcref (a function handle).
 */
export interface Expected {
  /** The type the result must have. */
  readonly type: ValType;
  /** Tells whether `actual` is what is expected. */
  matches(actual: Val): boolean;
  /** `actual` written the way this expectation is (v128 lanes in its lane shape). */
  show(actual: Val): string;
  /** The expectation as text: `i32:-1`, `f32:nan:canonical`, `v128:f32x4[0x3f800000 ...]`. */
  toString(): string;
}

const LANES: Readonly<Record<LaneType, { readonly count: number; readonly bits: number }>> = {
  i8: { count: 16, bits: 8 },
  i16: { count: 8, bits: 16 },
  i32: { count: 4, bits: 32 },
  i64: { count: 2, bits: 64 },
  f32: { count: 4, bits: 32 },
  f64: { count: 2, bits: 64 },
};

const F32_QUIET_NAN = 0x7fc00000;

/**
 * The argument `value` stands for, passed to a parameter of type `param` (the type of the
 * value itself when absent). A reference is a value of the parameter's type: a null is the
 * parameter type's null (the script writes `(ref.null func)` for a `(ref null $f)`
 * parameter), a host reference (`ref.extern`, `ref.host`) the host object with its id. Host
 * references come from `refs`, so equal ids give the same object.
 *
 * @throws {Error} for a value the format cannot hold as an argument (a NaN pattern, a non-null
 * funcref) or an unknown type.
 */
export function parseArg(value: SpecValue, refs: HostRefs, param?: ValType): Val {
  const v = value.value;
  const heap = refParts(value.type)?.heap;
  if (value.type === "refnull" || (heap !== undefined && value.type !== "funcref")) {
    const type = param !== undefined && isRefType(param) ? param : refTypeOf(value);
    return v === "null" || value.type === "refnull"
      ? Val.default(type)
      : Val.ref(type, refs.get(scalar(value)));
  }
  switch (value.type) {
    case "i32":
      return Val.i32(Number(scalar(value)));
    case "i64":
      return Val.i64(BigInt(scalar(value)));
    case "f32":
      return Val.f32Bits(Number(scalar(value)));
    case "f64":
      return Val.f64Bits(BigInt(scalar(value)));
    case "v128":
      return Val.v128(
        v128Bytes(
          laneType(value),
          lanes(value).map((lane) => BigInt(lane)),
        ),
      );
    case "funcref":
      if (v === "null")
        return Val.default(param !== undefined && isRefType(param) ? param : "funcref");
      throw new Error(`a funcref argument can only be null, got ${JSON.stringify(v)}`);
    default:
      throw new Error(`unknown value type ${JSON.stringify(value.type)}`);
  }
}

/** The nullable reference type `value` names: `anyref` for `anyref`, `(ref null $t)`, ... */
function refTypeOf(value: SpecValue): RefType {
  if (value.type !== "refnull") return value.type as RefType;
  return value.heap === undefined ? "anyref" : (`(ref null ${value.heap})` as RefType);
}

/**
 * The expectation `value` stands for. Host references come from `refs`.
 *
 * @throws {Error} for a value that cannot be read or an unknown type.
 */
export function parseExpected(value: SpecValue, refs: HostRefs): Expected {
  switch (value.type) {
    case "i32":
    case "i64":
    case "f32":
    case "f64": {
      const text = scalar(value);
      if (isNanPattern(text)) {
        if (value.type === "f32" || value.type === "f64") return nanExpected(value.type, text);
        throw new Error(`${text} is not a ${value.type} value`);
      }
      return exactExpected(parseArg(value, refs));
    }
    case "v128":
      return v128Expected(laneType(value), lanes(value));
    case "refnull":
      return nullExpected(value.heap === undefined ? "ref.null" : `ref.null ${value.heap}`);
    case "either":
      return eitherExpected((value.values ?? []).map((v) => parseExpected(v, refs)));
    default: {
      const heap = refParts(value.type)?.heap;
      if (heap === undefined) throw new Error(`unknown value type ${JSON.stringify(value.type)}`);
      if (value.value === undefined) return nonNullExpected(heap);
      if (value.value === "null") return nullExpected(`ref.null ${heap}`);
      return hostRefExpected(refs.get(scalar(value)));
    }
  }
}

/** Tells whether the f32 with `bits` is a canonical NaN (quiet bit only, either sign). */
export function isCanonicalNanF32(bits: number): boolean {
  return (bits & 0x7fffffff) === F32_QUIET_NAN;
}

/** Tells whether the f32 with `bits` is an arithmetic NaN (any NaN with the quiet bit set). */
export function isArithmeticNanF32(bits: number): boolean {
  return (bits & F32_QUIET_NAN) === F32_QUIET_NAN;
}

/** Tells whether the f64 with `bits` is a canonical NaN (quiet bit only, either sign). */
export function isCanonicalNanF64(bits: bigint): boolean {
  return (bits & 0x7fffffffffffffffn) === 0x7ff8000000000000n;
}

/** Tells whether the f64 with `bits` is an arithmetic NaN (any NaN with the quiet bit set). */
export function isArithmeticNanF64(bits: bigint): boolean {
  return (bits & 0x7ff8000000000000n) === 0x7ff8000000000000n;
}

/**
 * `val` as text: scalars as `Val` writes them (`i32:-1`, `f32:0x7fa00000`), host references by
 * id, v128 in the lane shape `laneType` (`v128:i8x16[1 2 ...]`, float lanes as hex bits).
 */
export function formatVal(val: Val, laneType: LaneType = "i32"): string {
  if (val.type === "v128") {
    const shown = readLanes(val.v128(), laneType).map((lane) => formatLane(lane, laneType));
    return `v128:${shapeName(laneType)}[${shown.join(" ")}]`;
  }
  if (isRefType(val.type) && val.ref instanceof HostRef) return `${val.type}:${String(val.ref)}`;
  return String(val);
}

function exactExpected(val: Val): Expected {
  return {
    type: val.type,
    matches: (actual) => val.equals(actual),
    show: (actual) => formatVal(actual),
    toString: () => formatVal(val),
  };
}

function nanExpected(type: "f32" | "f64", pattern: NanPattern): Expected {
  const canonical = pattern === "nan:canonical";
  const matches =
    type === "f32"
      ? (actual: Val) =>
          actual.type === "f32" &&
          (canonical ? isCanonicalNanF32(actual.lo) : isArithmeticNanF32(actual.lo))
      : (actual: Val) =>
          actual.type === "f64" &&
          (canonical ? isCanonicalNanF64(actual.f64Bits()) : isArithmeticNanF64(actual.f64Bits()));
  return {
    type,
    matches,
    show: (actual) => formatVal(actual),
    toString: () => `${type}:${pattern}`,
  };
}

function v128Expected(laneType: LaneType, patterns: readonly string[]): Expected {
  const { count, bits } = LANES[laneType];
  if (patterns.length !== count) {
    throw new Error(`a v128 of ${laneType} lanes needs ${count} lanes, got ${patterns.length}`);
  }
  const expected = patterns.map((p) => (isNanPattern(p) ? p : BigInt.asUintN(bits, BigInt(p))));
  const lanesMatch = (actual: readonly bigint[]): boolean =>
    expected.every((want, i) => laneMatches(actual[i] as bigint, want, laneType));
  return {
    type: "v128",
    matches: (actual) => actual.type === "v128" && lanesMatch(readLanes(actual.v128(), laneType)),
    show: (actual) => formatVal(actual, laneType),
    toString: () => {
      const shown = expected.map((e) => (typeof e === "string" ? e : formatLane(e, laneType)));
      return `v128:${shapeName(laneType)}[${shown.join(" ")}]`;
    },
  };
}

/**
 * Any null reference. The JS API gives every null as `null`, whatever its heap type, so the
 * heap type the script names (`ref.null func`) cannot be told apart; the result's static type
 * is the function's, which the engine validated.
 */
function nullExpected(text: string): Expected {
  return {
    type: "anyref",
    matches: (actual) => isRefType(actual.type) && actual.ref === null,
    show: (actual) => formatVal(actual),
    toString: () => text,
  };
}

/** The host reference `ref`, by identity, of any reference type (`ref.extern 1`, `ref.host 1`). */
function hostRefExpected(ref: HostRef): Expected {
  return {
    type: "anyref",
    matches: (actual) => isRefType(actual.type) && actual.ref === ref,
    show: (actual) => formatVal(actual),
    toString: () => String(ref),
  };
}

/**
 * Any non-null reference of the heap type `heap`: a function handle for `func`; for the GC
 * kinds (`eq`, `i31`, `struct`, `array`) what the engine's `ref.test` accepts; any non-null
 * value for `any`, `extern` and `exn`.
 */
function nonNullExpected(heap: string): Expected {
  const test: (ref: unknown) => boolean =
    heap === "func"
      ? isFuncHandle
      : heap === "any" || heap === "extern" || heap === "exn"
        ? () => true
        : (ref) => refTest(heap)(ref);
  return {
    type: "anyref",
    matches: (actual) => isRefType(actual.type) && actual.ref !== null && test(actual.ref),
    show: (actual) => formatVal(actual),
    toString: () => `ref.${heap}`,
  };
}

/** Any one of `options` (`either`: where engines may differ, as relaxed SIMD lets them). */
function eitherExpected(options: readonly Expected[]): Expected {
  return {
    type: options[0]?.type ?? "anyref",
    matches: (actual) => options.some((option) => option.matches(actual)),
    show: (actual) => (options[0] ?? { show: formatVal }).show(actual),
    toString: () => `either(${options.join(" | ")})`,
  };
}

/** Whether `ref` is a function handle (what a non-null funcref `Val` must hold). */
function isFuncHandle(ref: unknown): boolean {
  return typeof ref === "object" && ref !== null && typeof (ref as FuncHandle).ty === "function";
}

function laneMatches(actual: bigint, want: bigint | NanPattern, laneType: LaneType): boolean {
  if (typeof want === "bigint") return actual === want;
  if (laneType === "f32") {
    const bits = Number(actual);
    return want === "nan:canonical" ? isCanonicalNanF32(bits) : isArithmeticNanF32(bits);
  }
  if (laneType === "f64") {
    return want === "nan:canonical" ? isCanonicalNanF64(actual) : isArithmeticNanF64(actual);
  }
  return false;
}

/** The lanes of `v` in the shape `laneType`, each as its unsigned bits. */
function readLanes(v: V128, laneType: LaneType): bigint[] {
  const { count, bits } = LANES[laneType];
  const view = new DataView(v.bytes().buffer);
  const out: bigint[] = [];
  for (let i = 0; i < count; i++) {
    const at = (i * bits) / 8;
    if (bits === 8) out.push(BigInt(view.getUint8(at)));
    else if (bits === 16) out.push(BigInt(view.getUint16(at, true)));
    else if (bits === 32) out.push(BigInt(view.getUint32(at, true)));
    else out.push(view.getBigUint64(at, true));
  }
  return out;
}

/** The 16 bytes of the vector whose lanes of shape `laneType` hold `values` (bits). */
function v128Bytes(laneType: LaneType, values: readonly bigint[]): V128 {
  const { count, bits } = LANES[laneType];
  if (values.length !== count) {
    throw new Error(`a v128 of ${laneType} lanes needs ${count} lanes, got ${values.length}`);
  }
  const bytes = new Uint8Array(16);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => {
    const lane = BigInt.asUintN(bits, value);
    const at = (i * bits) / 8;
    if (bits === 8) view.setUint8(at, Number(lane));
    else if (bits === 16) view.setUint16(at, Number(lane), true);
    else if (bits === 32) view.setUint32(at, Number(lane), true);
    else view.setBigUint64(at, lane, true);
  });
  return V128.fromBytes(bytes);
}

function formatLane(lane: bigint, laneType: LaneType): string {
  if (laneType === "f32" || laneType === "f64") {
    return `0x${lane.toString(16).padStart(LANES[laneType].bits / 4, "0")}`;
  }
  return lane.toString();
}

function shapeName(laneType: LaneType): string {
  return `${laneType}x${LANES[laneType].count}`;
}

function isNanPattern(text: string): text is NanPattern {
  return text === "nan:canonical" || text === "nan:arithmetic";
}

function scalar(value: SpecValue): string {
  if (typeof value.value !== "string") {
    throw new Error(`a ${value.type} value needs a string, got ${JSON.stringify(value.value)}`);
  }
  return value.value;
}

function lanes(value: SpecValue): readonly string[] {
  if (!Array.isArray(value.value)) {
    throw new Error(`a v128 value needs an array of lanes, got ${JSON.stringify(value.value)}`);
  }
  return value.value as readonly string[];
}

function laneType(value: SpecValue): LaneType {
  const t = value.lane_type;
  if (t !== undefined && t in LANES) return t as LaneType;
  throw new Error(`unknown v128 lane type ${JSON.stringify(t)}`);
}
