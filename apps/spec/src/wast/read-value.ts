import { parseF32, parseF64 } from "./float-literal.js";
import { parseIntLiteral, parseNatLiteral } from "./int-literal.js";
import { errorAt, ListReader } from "./list-reader.js";
import type { SExpr, SList } from "./s-expression.js";
import type { WastSyntaxError } from "./wast-syntax-error.js";
import {
  type NanKind,
  type RefKind,
  V128_SHAPES,
  type V128Shape,
  type WastResult,
  type WastV128Result,
  type WastValue,
} from "./wast-value.js";

const REF_KINDS: ReadonlySet<string> = new Set<RefKind>([
  "func",
  "extern",
  "struct",
  "array",
  "i31",
  "eq",
  "any",
  "exn",
]);

/**
 * The argument `node` stands for: `(i32.const N)`, `(i64.const N)`, `(f32.const X)`,
 * `(f64.const X)`, `(v128.const SHAPE lane ...)`, `(ref.null HEAPTYPE)`, `(ref.extern N)`,
 * `(ref.host N)`.
 *
 * @throws {WastSyntaxError} for anything else, or a literal out of range.
 */
export function readValue(node: SExpr): WastValue {
  const r = new ListReader(asList(node, "a constant"));
  const value = readConstant(r, false);
  if (value === undefined || value.type === "either") throw unknown(r);
  if (value.type === "ref.null" && value.heap === undefined) {
    throw r.unexpected(undefined, "a heap type");
  }
  if ("nan" in value || value.type === "ref.nonnull" || value.type === "ref.func") {
    throw errorAt(r.list, `${r.head}: not an argument value`);
  }
  if (value.type === "v128" && value.lanes.some((lane) => typeof lane === "string")) {
    throw errorAt(r.list, "a NaN pattern is not an argument value");
  }
  return value as WastValue;
}

/**
 * The result pattern `node` stands for: a constant as `readValue` reads it, a float (or
 * float lane) `nan:canonical` / `nan:arithmetic`, `(ref.null)` (any null), `(ref.extern)`,
 * `(ref.func)`, `(ref.struct)`, `(ref.array)`, `(ref.i31)`, `(ref.eq)`, `(ref.any)`,
 * `(ref.exn)` (any non-null reference of the kind), `(ref.func $f)`, `(either R ...)`.
 *
 * @throws {WastSyntaxError} for anything else, or a literal out of range.
 */
export function readResult(node: SExpr): WastResult {
  const r = new ListReader(asList(node, "a result"));
  const result = readConstant(r, true);
  if (result === undefined) throw unknown(r);
  return result;
}

function readConstant(r: ListReader, pattern: boolean): WastResult | undefined {
  const head = r.head;
  switch (head) {
    case "i32.const":
      return done(r, { type: "i32", bits: Number(literal(r, (t) => parseIntLiteral(t, 32))) });
    case "i64.const":
      return done(r, { type: "i64", bits: literal(r, (t) => parseIntLiteral(t, 64)) });
    case "f32.const": {
      const nan = pattern ? nanPattern(r.peek()) : undefined;
      if (nan !== undefined) r.next();
      return done(
        r,
        nan !== undefined ? { type: "f32", nan } : { type: "f32", bits: literal(r, parseF32) },
      );
    }
    case "f64.const": {
      const nan = pattern ? nanPattern(r.peek()) : undefined;
      if (nan !== undefined) r.next();
      return done(
        r,
        nan !== undefined ? { type: "f64", nan } : { type: "f64", bits: literal(r, parseF64) },
      );
    }
    case "v128.const":
      return done(r, readV128(r, pattern));
    case "ref.null": {
      const heap = r.peek()?.kind === "atom" ? r.nextAtom("a heap type") : undefined;
      return done(r, heap === undefined ? { type: "ref.null" } : { type: "ref.null", heap });
    }
    case "ref.extern":
    case "ref.host": {
      if (r.peek() === undefined && head === "ref.extern") {
        return { type: "ref.nonnull", kind: "extern" };
      }
      return done(r, { type: head, id: literal(r, parseNatLiteral) });
    }
    case "ref.func": {
      const target = r.peek();
      if (target?.kind === "atom")
        return done(r, { type: "ref.func", func: r.nextAtom("a function") });
      return done(r, { type: "ref.nonnull", kind: "func" });
    }
    case "either": {
      const options = r.rest().map(readResult);
      if (options.length === 0) throw r.unexpected(undefined, "a result");
      return { type: "either", options };
    }
    default: {
      const kind = head.startsWith("ref.") ? head.slice(4) : "";
      if (!REF_KINDS.has(kind)) return undefined;
      return done(r, { type: "ref.nonnull", kind: kind as RefKind });
    }
  }
}

function readV128(r: ListReader, pattern: boolean): WastV128Result {
  const shapeNode = r.peek();
  const shape = r.nextAtom("a v128 shape");
  if (!(shape in V128_SHAPES) || shapeNode === undefined) {
    throw errorAt(shapeNode ?? r.list, `unknown v128 shape ${shape}`);
  }
  const { count, bits } = V128_SHAPES[shape as V128Shape];
  const lanes: (bigint | NanKind)[] = [];
  for (let i = 0; i < count; i++) {
    const nan = pattern && shape[0] === "f" ? nanPattern(r.peek()) : undefined;
    if (nan !== undefined) {
      r.next();
      lanes.push(nan);
    } else if (shape === "f32x4") {
      lanes.push(BigInt(literal(r, parseF32)));
    } else if (shape === "f64x2") {
      lanes.push(literal(r, parseF64));
    } else {
      lanes.push(literal(r, (t) => parseIntLiteral(t, bits)));
    }
  }
  return { type: "v128", shape: shape as V128Shape, lanes };
}

function literal<T>(r: ListReader, parse: (text: string) => T): T {
  const node = r.peek();
  const text = r.nextAtom("a number");
  try {
    return parse(text);
  } catch (error) {
    throw errorAt(node ?? r.list, (error as Error).message);
  }
}

function nanPattern(node: SExpr | undefined): NanKind | undefined {
  if (node?.kind !== "atom") return undefined;
  if (node.text === "nan:canonical") return "canonical";
  if (node.text === "nan:arithmetic") return "arithmetic";
  return undefined;
}

function done<T>(r: ListReader, value: T): T {
  r.end();
  return value;
}

function asList(node: SExpr, what: string): SList {
  if (node.kind !== "list") throw errorAt(node, `${what} expected`);
  return node;
}

function unknown(r: ListReader): WastSyntaxError {
  return errorAt(r.list, `unknown constant ${r.head === "" ? "form" : r.head}`);
}
