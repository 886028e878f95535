import { TypeMismatchError, typeName, ValueRangeError } from "@wasmcall/core-types";
import { type ByteSource, bytesOf } from "./byte-source.js";
import type { MemoryType } from "./extern-type.js";
import { externTypeText } from "./extern-type-text.js";
import { checkAddressSupported, checkLimits, descriptorLimits } from "./limits-check.js";
import type { Store } from "./store.js";
import { withWatText } from "./wat-text.js";
import { wholeNumber } from "./whole-number.js";

/** Bytes in one WebAssembly page. */
export const PAGE_SIZE = 65536;

/** The most pages a memory may have (4 GiB): the engines' limit for a 32-bit memory. */
export const MAX_PAGES = 65536;

/**
 * A WebAssembly linear memory of a store: exported by an instance or made with
 * {@link Memory.create}.
 *
 * @example
 * ```ts
 * const memory = Memory.create(store, { min: 1, max: 2, shared: false });
 * memory.write(0, new Uint8Array([1, 2, 3]));
 * memory.read(0, 3); // Uint8Array [1, 2, 3]
 * ```
 */
export class Memory {
  /** The store the memory belongs to. */
  readonly store: Store;
  /** The memory's type, as declared (its current size is {@link Memory.size}). */
  readonly type: MemoryType;
  /** The engine's memory object. */
  readonly js: WebAssembly.Memory;

  /** Wraps the engine's memory `js` of `store`, whose type is `type`. */
  constructor(store: Store, type: MemoryType, js: WebAssembly.Memory) {
    this.store = store;
    this.type = type;
    this.js = js;
  }

  /**
   * A new memory of `type`, zero-filled. `shared` may be left out (an unshared memory);
   * `address: "i64"` makes a memory with 64-bit indices (WebAssembly 3.0).
   *
   * @throws {TypeMismatchError} when `type` is not an object, a limit is not a number,
   * `shared` not a boolean or the address type neither `"i32"` nor `"i64"`.
   * @throws {UnsupportedFeatureError} for 64-bit indices on an engine without them.
   * @throws {ValueRangeError} when a limit is not an integer from 0 to {@link MAX_PAGES}, the
   * maximum is below the minimum, a shared memory has no maximum, or the engine cannot allocate
   * the memory.
   */
  static create(store: Store, type: MemoryType): Memory {
    const limits = checkLimits("Memory.create memory", type, MAX_PAGES);
    const shared: unknown = type.shared;
    if (shared !== undefined && typeof shared !== "boolean") {
      throw new TypeMismatchError("Memory.create memory shared", "a boolean", typeName(shared));
    }
    if (shared === true && limits.max === undefined) {
      throw new ValueRangeError(
        "Memory.create memory maximum",
        undefined,
        "a shared memory needs one",
      );
    }
    const made: MemoryType = { ...limits, shared: shared === true };
    const checked = withWatText(made, externTypeText({ kind: "memory", type: made }));
    checkAddressSupported("Memory.create memory", "memory", checked);
    const descriptor: WebAssembly.MemoryDescriptor = {
      ...descriptorLimits(checked),
      ...(checked.shared ? { shared: true } : {}),
    };
    let js: WebAssembly.Memory;
    try {
      js = new WebAssembly.Memory(descriptor);
    } catch (cause) {
      throw new ValueRangeError(
        "Memory.create memory minimum",
        checked.min,
        `the engine cannot allocate it (${String(cause)})`,
      );
    }
    const memory = new Memory(store, checked, js);
    store.rememberExtern(memory);
    return memory;
  }

  /** The current size in pages. */
  size(): number {
    return this.js.buffer.byteLength / PAGE_SIZE;
  }

  /** The memory's current bytes (a new view after every growth). */
  get buffer(): ArrayBuffer {
    return this.js.buffer as ArrayBuffer;
  }

  /**
   * Adds `delta` pages; returns the previous size in pages.
   *
   * @throws {TypeMismatchError} when `delta` is not a number.
   * @throws {ValueRangeError} when `delta` is not an integer from 0 to {@link MAX_PAGES}, or the
   * memory cannot grow that far.
   */
  grow(delta: number): number {
    wholeNumber("Memory.grow delta", delta, MAX_PAGES);
    try {
      // A 64-bit memory takes and gives bigints.
      const wide = this.type.address === "i64";
      return Number(this.js.grow((wide ? BigInt(delta) : delta) as number));
    } catch (cause) {
      throw new ValueRangeError("memory growth", delta, `beyond the maximum (${String(cause)})`);
    }
  }

  /**
   * A copy of `length` bytes from `offset`.
   *
   * @throws {TypeMismatchError} when `offset` or `length` is not a number.
   * @throws {ValueRangeError} when one is not a whole number, or the range is out of bounds.
   */
  read(offset: number, length: number): Uint8Array {
    this.#check(offset, length);
    return new Uint8Array(this.js.buffer, offset, length).slice();
  }

  /**
   * Writes `bytes` at `offset`: the bytes of an `ArrayBuffer` view (a `Uint8Array`, ...), or
   * an array of integers from 0 to 255. Nothing is written unless all of it can be.
   *
   * @throws {TypeMismatchError} when `offset` is not a number, or `bytes` neither a view nor
   * an array.
   * @throws {ValueRangeError} when an item of the array is not a byte, `offset` is not a whole
   * number, or the range is out of bounds.
   */
  write(offset: number, bytes: ByteSource): void {
    const source = bytesOf("Memory.write", bytes);
    this.#check(offset, source.length);
    new Uint8Array(this.js.buffer).set(source, offset);
  }

  #check(offset: number, length: number): void {
    const size = this.js.buffer.byteLength;
    wholeNumber("memory offset", offset, Number.MAX_SAFE_INTEGER);
    wholeNumber("memory length", length, Number.MAX_SAFE_INTEGER);
    if (offset + length > size) {
      throw new ValueRangeError("memory range", `${offset}+${length}`, `beyond ${size} bytes`);
    }
  }
}
