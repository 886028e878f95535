import {
  type RefType,
  SLOT_SIZE,
  StoreMismatchError,
  TypeMismatchError,
  typeName,
  UnsupportedFeatureError,
  type V128,
  Val,
  type ValType,
} from "@wasmcall/core-types";
import { Func } from "./func.js";
import { refHierarchy } from "./ref-hierarchy.js";
import { anySlotRefs } from "./trampoline/any-slot-refs.js";

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
 *
 * Reference slots are written with {@link Slots.write} or {@link Slots.putRef} and read with
 * {@link Slots.read}, {@link Slots.readInto} or {@link Slots.takeRef}, which empty the slot:
 * the store keeps no reference once it has been passed. A reference read from the tables
 * directly stays in its slot (and alive) until a later call overwrites it.
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
  /** The owner of funcref values written here. */
  readonly #owner: object;
  /** Maps a function object read from a funcref slot back to its handle. */
  readonly #funcOf: (js: unknown) => Val;
  /** The accessors of the reference slots, which every generated module imports. */
  readonly #refs: WebAssembly.Exports;
  readonly #externTake: (index: number) => unknown;
  readonly #externSet: (index: number, value: unknown) => void;
  readonly #funcTake: (index: number) => unknown;
  /** The `anyref` slots and their accessors, made on first use (engines with GC only). */
  #anys:
    | { take: (index: number) => unknown; set: (index: number, value: unknown) => void }
    | undefined;

  /**
   * Makes the slots of the store `owner`; `funcOf` turns a function object read from a funcref
   * slot into a funcref `Val` of that store; `refs` is the compiled `slotRefs` module, whose one
   * instance here is the only one to import the reference tables.
   */
  constructor(owner: object, funcOf: (js: unknown) => Val, refs: WebAssembly.Module) {
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
    this.#refs = new WebAssembly.Instance(refs, {
      env: { externs: this.externs, funcrefs: this.funcrefs },
    }).exports;
    this.#externTake = this.#refs.externTake as (index: number) => unknown;
    this.#externSet = this.#refs.externSet as (index: number, value: unknown) => void;
    this.#funcTake = this.#refs.funcTake as (index: number) => unknown;
  }

  /** The number of slots. */
  get count(): number {
    return SLOT_COUNT;
  }

  /**
   * The imports every generated module takes from the store, with `extra`: the scratch memory
   * `env.slots` and the reference slot accessors `env.externTake`, `env.externSet`,
   * `env.funcTake` and `env.funcSet` (never the tables: see `importSlots`).
   */
  importObject(extra: Record<string, unknown>): WebAssembly.Imports {
    const env = { ...this.#refs, slots: this.memory, ...extra };
    // The anyref slots are made only for a module that imports them (an engine without garbage
    // collection has no anyref table).
    Object.defineProperty(env, "anyTake", { get: () => this.#anySlots().take, enumerable: true });
    Object.defineProperty(env, "anySet", { get: () => this.#anySlots().set, enumerable: true });
    return { env } as WebAssembly.Imports;
  }

  /** The anyref slots' accessors, made on first use. */
  #anySlots(): { take: (index: number) => unknown; set: (index: number, value: unknown) => void } {
    if (this.#anys === undefined) {
      const module = new WebAssembly.Module(anySlotRefs(SLOT_COUNT) as Uint8Array<ArrayBuffer>);
      const exports = new WebAssembly.Instance(module).exports;
      this.#anys = {
        take: exports.anyTake as (index: number) => unknown,
        set: exports.anySet as (index: number, value: unknown) => void,
      };
    }
    return this.#anys;
  }

  /**
   * Writes the reference `js` into slot `index` of the `type` table, unchecked: any value for
   * an externref, a wasm function object of this store or null for a funcref.
   */
  putRef(index: number, type: RefType, js: unknown): void {
    const hierarchy = refHierarchy(type);
    if (hierarchy === "exn") {
      throw new UnsupportedFeatureError(
        "a reference slot",
        "exception references as JavaScript values",
      );
    }
    if (hierarchy === "extern") this.#externSet(index, js);
    else if (hierarchy === "any") this.#anySlots().set(index, js);
    else this.funcrefs.set(index, js);
  }

  /**
   * The reference in slot `index` of the `type` table (a funcref as the engine's function
   * object), emptying the slot: every reader of a reference slot empties it, the generated
   * trampolines too, so that the store keeps no reference after it has been passed.
   */
  takeRef(index: number, type: RefType): unknown {
    const hierarchy = refHierarchy(type);
    if (hierarchy === "extern") return this.#externTake(index);
    if (hierarchy === "any") return this.#anySlots().take(index);
    return this.#funcTake(index);
  }

  /**
   * Writes `val` to slot `index`. `val` must already be checked against the slot's type (a
   * `Val`: see `Val.is`); a funcref that is not a `Func` of this store is refused, with an
   * error naming `subject`.
   *
   * @throws {StoreMismatchError} for a funcref of another store.
   * @throws {TypeMismatchError} for a funcref holding anything but a `Func` or null.
   */
  write(index: number, val: Val, subject = "funcref value"): void {
    const type = Val.typeOf(val) as ValType;
    switch (type) {
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
        (Val.refOf(val) as V128).copyWordsTo(this.i32, index << 2);
        return;
      case "externref":
        this.#externSet(index, Val.refOf(val));
        return;
      case "funcref":
        this.funcrefs.set(index, this.funcJs(val, subject));
        return;
      default:
        this.putRef(
          index,
          type as RefType,
          refHierarchy(type) === "func" ? this.funcJs(val, subject) : Val.refOf(val),
        );
    }
  }

  /** Reads slot `index` as a new value of `type` (emptying a reference slot: see `takeRef`). */
  read(index: number, type: ValType): Val {
    const out: Val[] = [];
    this.readInto(out, 0, index, type);
    return out[0] as Val;
  }

  /**
   * Reads slot `slot` as a value of `type` into `target[index]` (into the result cell there,
   * if it is one: see `Val.cell`). A reference slot is emptied as it is read (see `takeRef`).
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
        // Into a cell in place: no `V128` made until the value is read.
        Val.putV128(target, index, this.i32, slot << 2);
        return;
      case "externref":
        Val.put(target, index, type, 0, 0, this.#externTake(slot));
        return;
      case "funcref":
        Val.put(target, index, type, 0, 0, this.#funcOf(this.#funcTake(slot)).ref);
        return;
      default: {
        const ref = this.takeRef(slot, type as RefType);
        const value = ref !== null && refHierarchy(type) === "func" ? this.#funcOf(ref).ref : ref;
        Val.put(target, index, type, 0, 0, value);
      }
    }
  }

  /**
   * The wasm function object behind a funcref value of this store (null for the null ref).
   * Errors name `subject`, the value's place.
   *
   * @throws {StoreMismatchError} for a function of another store.
   * @throws {TypeMismatchError} for a value that is not a funcref.
   */
  funcJs(val: Val, subject = "funcref value"): unknown {
    const type = Val.typeOf(val);
    if (type === undefined || refHierarchy(type) !== "func")
      throw new TypeMismatchError(subject, "funcref", typeName(val));
    const func = Val.refOf(val);
    if (func === null) return null;
    if (!Func.is(func)) {
      throw new TypeMismatchError(subject, "a Func or null", typeName(func));
    }
    if (func.store !== this.#owner) {
      throw new StoreMismatchError(`${subject}: the function belongs to another store`);
    }
    return func.js;
  }
}
