import {
  isValType,
  TypeMismatchError,
  typeName,
  UnsupportedFeatureError,
  Val,
  ValueRangeError,
} from "@wasmcall/core-types";
import { isValFor } from "./call/arg-tests.js";
import type { TableType } from "./extern-type.js";
import { externTypeText } from "./extern-type-text.js";
import { JS_API_REF_TYPES, jsApiRefName, withGcTypes } from "./js-api-ref-types.js";
import { checkAddressSupported, checkLimits, descriptorLimits } from "./limits-check.js";
import { refHierarchy } from "./ref-hierarchy.js";
import type { Store } from "./store.js";
import { withWatText } from "./wat-text.js";
import { wholeNumber } from "./whole-number.js";

/** The most elements a table may have: the engines' limit (of the JavaScript API). */
export const MAX_TABLE_ELEMENTS = 10_000_000;

/**
 * A WebAssembly table of a store: exported by an instance or made with {@link Table.create}.
 * Elements are `Val`s of the table's element type; functions come back as their `Func`.
 *
 * @example
 * ```ts
 * const table = Table.create(store, { element: "externref", min: 2 }, Val.externref(null));
 * table.set(0, Val.externref({ id: 1 }));
 * table.get(0)?.externref(); // { id: 1 }
 * ```
 */
export class Table {
  /** The store the table belongs to. */
  readonly store: Store;
  /** The table's type, as declared (its current size is {@link Table.size}). */
  readonly type: TableType;
  /** The engine's table object. */
  readonly js: WebAssembly.Table;

  /** Wraps the engine's table `js` of `store`, whose type is `type`. */
  constructor(store: Store, type: TableType, js: WebAssembly.Table) {
    this.store = store;
    this.type = type;
    this.js = js;
  }

  /**
   * A new table of `type`, every element `init`: of `funcref`, `externref`, or with garbage
   * collection `anyref`, `eqref`, `i31ref`, `structref`, `arrayref` (the reference types the
   * JavaScript API names); with `address: "i64"` a table with 64-bit indices (WebAssembly 3.0).
   *
   * @example
   * ```ts
   * const t = Table.create(store, { element: "funcref", min: 1, address: "i64" }, Val.funcref(null));
   * t.type.address; // "i64"
   * ```
   * @throws {TypeMismatchError} when `type` is not an object, its element type not a reference
   * type (`funcref`, `externref`), a limit not a number, the address type neither `"i32"` nor
   * `"i64"`, or `init` not of the element type.
   * @throws {ValueRangeError} when a limit is not an integer from 0 to
   * {@link MAX_TABLE_ELEMENTS} or the maximum is below the minimum.
   * @throws {StoreMismatchError} when `init` is a funcref of another store.
   * @throws {UnsupportedFeatureError} for 64-bit indices, or a GC reference type, on an engine
   * without them.
   */
  static create(store: Store, type: TableType, init: Val): Table {
    const limits = checkLimits("Table.create table", type, MAX_TABLE_ELEMENTS);
    const element: unknown = type.element;
    const name = isValType(element) ? jsApiRefName(element) : undefined;
    if (name === undefined) {
      throw new TypeMismatchError(
        "Table.create table element",
        `a reference type of ${JS_API_REF_TYPES}`,
        typeof element === "string" ? element : typeName(element),
      );
    }
    const made: TableType = { ...limits, element: type.element };
    const checked = withWatText(made, externTypeText({ kind: "table", type: made }));
    const ref = refOf(store, checked, init, "Table.create");
    checkAddressSupported("Table.create table", "table", checked);
    const descriptor = {
      element: name,
      ...descriptorLimits(checked),
    } as WebAssembly.TableDescriptor;
    const js = withGcTypes(
      "Table.create",
      checked.element,
      () => new WebAssembly.Table(descriptor, ref),
    );
    const table = new Table(store, checked, js);
    store.rememberExtern(table);
    return table;
  }

  /** The current number of elements. */
  size(): number {
    // A 64-bit table's length is a bigint.
    return Number(this.js.length);
  }

  /** `index` as the engine's table takes it: a bigint for a 64-bit table. */
  #index(index: number): number {
    return (this.type.address === "i64" ? BigInt(index) : index) as number;
  }

  /**
   * Element `index`, or `undefined` when `index` is at or beyond the table's size.
   *
   * @throws {TypeMismatchError} when `index` is not a number.
   * @throws {ValueRangeError} when `index` is not a whole number.
   */
  get(index: number): Val | undefined {
    wholeNumber("Table.get index", index, Number.MAX_SAFE_INTEGER);
    if (index >= this.size()) return undefined;
    const ref = this.js.get(this.#index(index));
    const element = this.type.element;
    if (element === "externref") return Val.externref(ref);
    if (refHierarchy(element) !== "func") return Val.raw(element, 0, 0, ref);
    return Val.raw(element, 0, 0, ref === null ? null : this.store.funcOf(ref));
  }

  /**
   * Sets element `index`.
   *
   * @throws {ValueRangeError} when `index` is not a whole number or is out of bounds.
   * @throws {TypeMismatchError} when `index` is not a number or `value` is not of the element
   * type.
   * @throws {StoreMismatchError} when `value` is a funcref of another store.
   */
  set(index: number, value: Val): void {
    wholeNumber("Table.set index", index, Number.MAX_SAFE_INTEGER);
    const ref = refOf(this.store, this.type, value, "Table.set");
    const size = this.size();
    if (index >= size) {
      throw new ValueRangeError("table index", index, `outside 0..${size - 1}`);
    }
    this.js.set(this.#index(index), ref);
  }

  /**
   * Adds `delta` elements set to `init`; returns the previous size.
   *
   * @throws {TypeMismatchError} when `delta` is not a number or `init` not of the element type.
   * @throws {ValueRangeError} when `delta` is not an integer from 0 to
   * {@link MAX_TABLE_ELEMENTS}, or the table cannot grow that far.
   * @throws {StoreMismatchError} when `init` is a funcref of another store.
   */
  grow(delta: number, init: Val): number {
    wholeNumber("Table.grow delta", delta, MAX_TABLE_ELEMENTS);
    const ref = refOf(this.store, this.type, init, "Table.grow");
    try {
      return Number(this.js.grow(this.#index(delta), ref));
    } catch (cause) {
      throw new ValueRangeError("table growth", delta, `beyond the maximum (${String(cause)})`);
    }
  }
}

/** The engine's reference for `value`, checked to be a `Val` of the table's element type. */
function refOf(store: Store, type: TableType, value: Val, subject: string): unknown {
  if (!isValFor(value, type.element)) {
    throw new TypeMismatchError(subject, type.element, typeName(value));
  }
  const hierarchy = refHierarchy(type.element);
  if (hierarchy === "exn") {
    throw new UnsupportedFeatureError(subject, "exception references as JavaScript values");
  }
  return hierarchy === "func" ? store.slots.funcJs(value, subject) : Val.refOf(value);
}
