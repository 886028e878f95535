/**
 * Appends the pieces of a WebAssembly binary: bytes, LEB128 integers, names and
 * length-prefixed sections. Used to generate trampolines and to extend modules' export sections.
 */
export class ByteWriter {
  #bytes: number[] = [];

  /** The number of bytes written so far. */
  get length(): number {
    return this.#bytes.length;
  }

  /** Appends raw bytes. */
  bytes(data: ArrayLike<number>): this {
    for (let i = 0; i < data.length; i++) this.#bytes.push(data[i] as number);
    return this;
  }

  /** Appends one byte. */
  byte(value: number): this {
    this.#bytes.push(value & 0xff);
    return this;
  }

  /** Appends an unsigned LEB128 integer (0..2^32-1). */
  u32(value: number): this {
    let v = value >>> 0;
    do {
      let b = v & 0x7f;
      v >>>= 7;
      if (v !== 0) b |= 0x80;
      this.#bytes.push(b);
    } while (v !== 0);
    return this;
  }

  /** Appends a signed LEB128 integer (-2^31..2^31-1). */
  s32(value: number): this {
    let v = value | 0;
    for (;;) {
      const b = v & 0x7f;
      v >>= 7;
      if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) {
        this.#bytes.push(b);
        return this;
      }
      this.#bytes.push(b | 0x80);
    }
  }

  /** Appends a signed LEB128 integer (-2^63..2^63-1). */
  s64(value: bigint): this {
    let v = BigInt.asIntN(64, value);
    for (;;) {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      if ((v === 0n && (b & 0x40) === 0) || (v === -1n && (b & 0x40) !== 0)) {
        this.#bytes.push(b);
        return this;
      }
      this.#bytes.push(b | 0x80);
    }
  }

  /** Appends a name: its UTF-8 length as u32, then its UTF-8 bytes. */
  name(text: string): this {
    const utf8 = new TextEncoder().encode(text);
    return this.u32(utf8.length).bytes(utf8);
  }

  /** Appends a vector: the count as u32, then each item written by `write`. */
  vec<T>(items: readonly T[], write: (item: T, w: this) => void): this {
    this.u32(items.length);
    for (const item of items) write(item, this);
    return this;
  }

  /** Appends a section: its id, its size as u32, then the content written by `content`. */
  section(id: number, content: (w: ByteWriter) => void): this {
    const inner = new ByteWriter();
    content(inner);
    return this.byte(id).u32(inner.length).bytes(inner.#bytes);
  }

  /** The bytes written, as a fresh array. */
  finish(): Uint8Array<ArrayBuffer> {
    return Uint8Array.from(this.#bytes);
  }
}
