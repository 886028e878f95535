import { TypeMismatchError } from "./errors/type-mismatch-error.js";
import { isValType, type ValType } from "./val-type.js";

/**
 * The signature of a WebAssembly function: its parameter and result types.
 *
 * A `FuncType` is immutable. Two types with the same parameters and results are
 * {@link FuncType.equals | equal}; an engine interns them so that equal types share one object.
 *
 * @example
 * ```ts
 * const t = new FuncType(["i32", "i64"], ["f32"]);
 * String(t);   // "(i32, i64) -> f32"
 * t.toWat();   // "(func (param i32 i64) (result f32))"
 * ```
 */
export class FuncType {
  /** The parameter types, in order. */
  readonly params: readonly ValType[];
  /** The result types, in order. */
  readonly results: readonly ValType[];
  /** A string that identifies the signature: equal types have equal keys. */
  readonly key: string;
  /**
   * The registry name (`$func12`) of the defined type this is, for a function type a module
   * declares other than plainly (WebAssembly 3.0): open to subtypes (`sub`), below a
   * supertype, or in a recursion group with other types. Such a type is a type of its own,
   * distinct from the plain `(func ...)` with the same parameters and results, and only
   * functions of it (or of its declared subtypes) match it. Undefined for a plain type.
   */
  readonly defined: string | undefined;

  readonly #brand = true;

  /**
   * Makes the type `(params) -> (results)`; the arrays are copied. `defined` is for the type
   * registry (see {@link FuncType.defined}).
   *
   * @throws {TypeMismatchError} when `params` or `results` is not an array of value types (a
   * string such as `"i32"` is refused, not read as its characters).
   */
  constructor(params: readonly ValType[], results: readonly ValType[], defined?: string) {
    this.params = Object.freeze(valTypes("params", params));
    this.results = Object.freeze(valTypes("results", results));
    this.defined = defined;
    const key = `${this.params.join(",")}->${this.results.join(",")}`;
    this.key = defined === undefined ? key : `${key}@${defined}`;
    Object.freeze(this);
  }

  /**
   * Tells whether `value` is a `FuncType` made by this copy of the package (an object made with
   * `Object.create(FuncType.prototype)`, a look-alike or a `Proxy` is not).
   */
  static is(value: unknown): value is FuncType {
    // A private field read is the brand test engines compile best (see `Val.is`).
    try {
      return (value as FuncType).#brand !== undefined;
    } catch {
      return false;
    }
  }

  /**
   * Tells whether `other` has the same parameters and results (and is the same defined type,
   * where either is one: see {@link FuncType.defined}).
   */
  equals(other: FuncType): boolean {
    return this === other || (FuncType.is(other) && this.key === other.key);
  }

  /**
   * The signature as it reads in prose: `(i32, i64) -> f32`, `() -> ()`, `(i32) -> (i32, i32)`.
   */
  toString(): string {
    const results =
      this.results.length === 1 ? String(this.results[0]) : `(${this.results.join(", ")})`;
    return `(${this.params.join(", ")}) -> ${results}`;
  }

  /** The signature in the WebAssembly text format: `(func (param i32) (result i32))`. */
  toWat(): string {
    let out = "(func";
    if (this.params.length > 0) out += ` (param ${this.params.join(" ")})`;
    if (this.results.length > 0) out += ` (result ${this.results.join(" ")})`;
    return `${out})`;
  }
}

/** A copy of `types`, checked to be an array of value types. */
function valTypes(what: string, types: readonly ValType[]): ValType[] {
  if (!Array.isArray(types)) {
    throw new TypeMismatchError(`FuncType ${what}`, "an array of value types", describe(types));
  }
  const copy = [...types];
  copy.forEach((t, i) => {
    if (!isValType(t)) {
      throw new TypeMismatchError(`FuncType ${what}[${i}]`, "a value type", describe(t));
    }
  });
  return copy;
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "object" && value !== null) return value.constructor?.name ?? "object";
  return String(value);
}
