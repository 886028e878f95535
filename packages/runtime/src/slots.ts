import {
  SLOT_SIZE,
  StoreMismatchError,
  TypeMismatchError,
  typeName,
  V128,
  Val,
  type ValType,
} from "@wasmcall/core-types";
import { Func } from "./func.js";

/** The scratch memory holds one 64 KiB page: 4096 slots, more than any signature's 1000 values. */
const PAGES = 1;
const SLOT_COUNT = (PAGES * 65536) / SLOT_SIZE;

/**
 * A store's raw slots: the scratch linear memory with typed views over it and the two
 * reference tables, laid out as {@link SLOT_SIZE} describes. Value `i` of a call sits in slot
 * `i`: numbers at byte `16 * i` of the memory, references at index `i` of a table.
 *
 * The views are what strategies write arguments to and read results from on their hot paths:
 * slot `i` is `i32[4 * i]`, `u32[4 * i]` (f32 bits; f64 low word, high word at `4 * i + 1`),
 * `i64[2 * i]`, `f64[2 * i]`, bytes `u8[16 * i ..]`.
 */
export class Slots {
  /** The scratch memory (one page; it never grows, so the views stay valid). */
  readonly memory: WebAssembly.Memory;
  /** Bytes of the scratch memory. */
  readonly u8: Uint8Array;
  /** Signed 32-bit view. */
  readonly i32: Int32Array;
  /** Unsigned 32-bit view (float bits). */
  readonly u32: Uint32Array;
  /** f32 view (not for NaN-exact reads: use the u32 view). */
  readonly f32: Float32Array;
  /** Signed 64-bit view. */
  readonly i64: BigInt64Array;
  /** f64 view (not for NaN-exact reads: use the u32 words). */
  readonly f64: Float64Array;
  /** The externref slots, one per slot. */
  readonly externs: WebAssembly.Table;
  /** The funcref slots, one per slot. */
  readonly funcrefs: WebAssembly.Table;
  /**
   * The callee table: every function called through a trampoline has an entry here, which
   * the trampoline calls with `call_indirect`.
   */
  readonly funcs: WebAssembly.Table;
  /** The owner of funcref values written here. */
  readonly #owner: object;
  /** Maps a function object read from a funcref slot back to its handle. */
  readonly #funcOf: (js: unknown) => Val;

  /**
   * Makes the slots of the store `owner`; `funcOf` turns a function object read from a funcref
   * slot into a funcref `Val` of that store.
   */
  constructor(owner: object, funcOf: (js: unknown) => Val) {
    this.#owner = owner;
    this.#funcOf = funcOf;
    this.memory = new WebAssembly.Memory({ initial: PAGES, maximum: PAGES });
    const buffer = this.memory.buffer;
    this.u8 = new Uint8Array(buffer);
    this.i32 = new Int32Array(buffer);
    this.u32 = new Uint32Array(buffer);
    this.f32 = new Float32Array(buffer);
    this.i64 = new BigInt64Array(buffer);
    this.f64 = new Float64Array(buffer);
    this.externs = new WebAssembly.Table({ element: "externref", initial: SLOT_COUNT }, null);
    this.funcrefs = new WebAssembly.Table({ element: "anyfunc", initial: SLOT_COUNT }, null);
    this.funcs = new WebAssembly.Table({ element: "anyfunc", initial: 0 }, null);
  }

  /** The number of slots. */
  get count(): number {
    return SLOT_COUNT;
  }

  /** Adds the wasm function `js` to the callee table; returns its index there. */
  addCallee(js: unknown): number {
    return this.funcs.grow(1, js);
  }

  /** The imports every generated module takes from the store: `env.slots`, `env.externs`, ... */
  importObject(extra: Record<string, unknown>): WebAssembly.Imports {
    return {
      env: { slots: this.memory, externs: this.externs, funcrefs: this.funcrefs, ...extra },
    } as WebAssembly.Imports;
  }

  /**
   * Writes `val` to slot `index`. `val` must already be checked against the slot's type (a
   * `Val`: see `Val.is`); a funcref that is not a `Func` of this store is refused.
   *
   * @throws {StoreMismatchError} for a funcref of another store.
   * @throws {TypeMismatchError} for a funcref holding anything but a `Func` or null.
   */
  write(index: number, val: Val): void {
    switch (Val.typeOf(val)) {
      case "i32":
      case "f32":
        this.u32[index << 2] = Val.loOf(val);
        return;
      case "f64":
        this.u32[index << 2] = Val.loOf(val);
        this.u32[(index << 2) + 1] = Val.hiOf(val);
        return;
      case "i64":
        this.i64[index << 1] = Val.refOf(val) as bigint;
        return;
      case "v128":
        (Val.refOf(val) as V128).copyTo(this.u8, index << 4);
        return;
      case "externref":
        this.externs.set(index, Val.refOf(val));
        return;
      case "funcref":
        this.funcrefs.set(index, this.funcJs(val));
        return;
    }
  }

  /** Reads slot `index` as a new value of `type`. */
  read(index: number, type: ValType): Val {
    const out: Val[] = [];
    this.readInto(out, 0, index, type);
    return out[0] as Val;
  }

  /**
   * Reads slot `slot` as a value of `type` into `target[index]` (into the result cell there,
   * if it is one: see `Val.cell`).
   */
  readInto(target: Val[], index: number, slot: number, type: ValType): void {
    const u32 = this.u32;
    switch (type) {
      case "i32":
        Val.put(target, index, type, this.i32[slot << 2] as number, 0, null);
        return;
      case "f32":
        Val.put(target, index, type, u32[slot << 2] as number, 0, null);
        return;
      case "f64":
        Val.put(
          target,
          index,
          type,
          u32[slot << 2] as number,
          u32[(slot << 2) + 1] as number,
          null,
        );
        return;
      case "i64":
        Val.put(target, index, type, 0, 0, this.i64[slot << 1]);
        return;
      case "v128":
        Val.put(
          target,
          index,
          type,
          0,
          0,
          V128.fromBytes(this.u8.subarray(slot << 4, (slot << 4) + 16)),
        );
        return;
      case "externref":
        Val.put(target, index, type, 0, 0, this.externs.get(slot));
        return;
      case "funcref":
        Val.put(target, index, type, 0, 0, this.#funcOf(this.funcrefs.get(slot)).ref);
        return;
    }
  }

  /**
   * The wasm function object behind a funcref value of this store (null for the null ref).
   *
   * @throws {StoreMismatchError} for a function of another store.
   * @throws {TypeMismatchError} for a value that is not a funcref.
   */
  funcJs(val: Val): unknown {
    if (Val.typeOf(val) !== "funcref") {
      throw new TypeMismatchError("funcref slot", "funcref", typeName(val));
    }
    const func = Val.refOf(val);
    if (func === null) return null;
    if (!Func.is(func)) {
      throw new TypeMismatchError("funcref value", "a Func or null", typeName(func));
    }
    if (func.store !== this.#owner) {
      throw new StoreMismatchError("funcref value: the function belongs to another store");
    }
    return func.js;
  }
}
