import { TypeMismatchError, typeName, Val, ValueRangeError } from "@wasmcall/core-types";
import type { TableType } from "./extern-type.js";
import type { Store } from "./store.js";

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
   * A new table of `type`, every element `init`.
   *
   * @throws {TypeMismatchError} when `init` is not of the element type.
   */
  static create(store: Store, type: TableType, init: Val): Table {
    const ref = refOf(store, type, init, "Table.create");
    const descriptor = {
      element: type.element === "funcref" ? "anyfunc" : "externref",
      initial: type.min,
      ...(type.max === undefined ? {} : { maximum: type.max }),
    } as WebAssembly.TableDescriptor;
    const table = new Table(store, type, new WebAssembly.Table(descriptor, ref));
    store.rememberExtern(table);
    return table;
  }

  /** The current number of elements. */
  size(): number {
    return this.js.length;
  }

  /** Element `index`, or `undefined` when `index` is out of bounds. */
  get(index: number): Val | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.js.length) return undefined;
    const ref = this.js.get(index);
    if (this.type.element === "externref") return Val.externref(ref);
    return Val.funcref(ref === null ? null : this.store.funcOf(ref));
  }

  /**
   * Sets element `index`.
   *
   * @throws {ValueRangeError} when `index` is out of bounds.
   * @throws {TypeMismatchError} when `value` is not of the element type.
   */
  set(index: number, value: Val): void {
    const ref = refOf(this.store, this.type, value, "Table.set");
    if (!Number.isInteger(index) || index < 0 || index >= this.js.length) {
      throw new ValueRangeError("table index", index, `outside 0..${this.js.length - 1}`);
    }
    this.js.set(index, ref);
  }

  /**
   * Adds `delta` elements set to `init`; returns the previous size.
   *
   * @throws {ValueRangeError} when the table cannot grow that far.
   */
  grow(delta: number, init: Val): number {
    const ref = refOf(this.store, this.type, init, "Table.grow");
    try {
      return this.js.grow(delta, ref);
    } catch (cause) {
      throw new ValueRangeError("table growth", delta, `beyond the maximum (${String(cause)})`);
    }
  }
}

function refOf(store: Store, type: TableType, value: Val, subject: string): unknown {
  if (!(value instanceof Val) || value.type !== type.element) {
    throw new TypeMismatchError(subject, type.element, typeName(value));
  }
  return value.type === "funcref" ? store.slots.funcJs(value) : value.ref;
}
