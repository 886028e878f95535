import { ValueRangeError } from "@wasmcall/core-types";
import type { MemoryType } from "./extern-type.js";
import type { Store } from "./store.js";

/** Bytes in one WebAssembly page. */
export const PAGE_SIZE = 65536;

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

  /** A new memory of `type`, zero-filled. */
  static create(store: Store, type: MemoryType): Memory {
    const descriptor: WebAssembly.MemoryDescriptor = {
      initial: type.min,
      ...(type.max === undefined ? {} : { maximum: type.max }),
      ...(type.shared ? { shared: true } : {}),
    };
    const memory = new Memory(store, type, new WebAssembly.Memory(descriptor));
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
   * @throws {ValueRangeError} when the memory cannot grow that far.
   */
  grow(delta: number): number {
    try {
      return this.js.grow(delta);
    } catch (cause) {
      throw new ValueRangeError("memory growth", delta, `beyond the maximum (${String(cause)})`);
    }
  }

  /**
   * A copy of `length` bytes from `offset`.
   *
   * @throws {ValueRangeError} when the range is out of bounds.
   */
  read(offset: number, length: number): Uint8Array {
    this.#check(offset, length);
    return new Uint8Array(this.js.buffer, offset, length).slice();
  }

  /**
   * Writes `bytes` at `offset`.
   *
   * @throws {ValueRangeError} when the range is out of bounds.
   */
  write(offset: number, bytes: Uint8Array): void {
    this.#check(offset, bytes.length);
    new Uint8Array(this.js.buffer).set(bytes, offset);
  }

  #check(offset: number, length: number): void {
    const size = this.js.buffer.byteLength;
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0) {
      throw new ValueRangeError("memory range", `${offset}+${length}`, "not a valid range");
    }
    if (offset + length > size) {
      throw new ValueRangeError("memory range", `${offset}+${length}`, `beyond ${size} bytes`);
    }
  }
}
