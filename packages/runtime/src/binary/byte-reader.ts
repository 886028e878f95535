import { CompileError } from "@wasmcall/core-types";

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Reads the pieces of a WebAssembly binary: bytes, strict LEB128 integers and names, from a
 * window of a byte array.
 *
 * Every read is bounds-checked against the window's end. Whatever does not decode throws a
 * {@link CompileError} whose message names the absolute byte offset of the problem:
 * `malformed module at byte 0x1f: integer too large`.
 *
 * @example
 * ```ts
 * const r = new ByteReader(bytes, 8);
 * const id = r.u8();
 * const size = r.u32();
 * const section = r.window(size); // a reader over the section's content
 * ```
 */
export class ByteReader {
  readonly #bytes: Uint8Array;
  readonly #end: number;
  readonly #origin: number;
  #pos: number;

  /**
   * A reader over `bytes[start..end)`. {@link ByteReader.position} stays relative to `bytes`,
   * not to `start`; offsets in error messages are `origin` plus that position, so that a reader
   * over a piece of a module (a section received from a stream) names offsets in the module.
   *
   * @throws {RangeError} when the window does not lie within `bytes`.
   */
  constructor(bytes: Uint8Array, start = 0, end = bytes.length, origin = 0) {
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end)) {
      throw new RangeError(`bad window ${start}..${end}`);
    }
    if (end > bytes.length) throw new RangeError(`window end ${end} beyond ${bytes.length} bytes`);
    this.#bytes = bytes;
    this.#pos = start;
    this.#end = end;
    this.#origin = origin;
  }

  /** The offset of the next byte to read, within the whole array. */
  get position(): number {
    return this.#pos;
  }

  /** The offset just past the window: reads stop there. */
  get end(): number {
    return this.#end;
  }

  /** The number of bytes left in the window. */
  get remaining(): number {
    return this.#end - this.#pos;
  }

  /** Tells whether every byte of the window has been read. */
  atEnd(): boolean {
    return this.#pos >= this.#end;
  }

  /** Throws unless every byte of the window has been read; `what` names the window. */
  expectEnd(what: string): void {
    if (this.#pos !== this.#end) {
      throw this.error(`${what}: ${this.remaining} bytes left unread`);
    }
  }

  /**
   * The error to throw for malformed input at `offset` (the current position by default):
   * `malformed module at byte 0x1f: <message>`.
   */
  error(message: string, offset = this.#pos): CompileError {
    return this.#compileError("malformed", message, offset);
  }

  /**
   * The error to throw for a module that decodes but breaks a rule of validation at `offset`
   * (the current position by default): `invalid module at byte 0x1f: <message>`.
   */
  invalid(message: string, offset = this.#pos): CompileError {
    return this.#compileError("invalid", message, offset);
  }

  /** Peeks at the next byte without reading it. */
  peek(): number {
    if (this.#pos >= this.#end) throw this.error("unexpected end");
    return this.#bytes[this.#pos] as number;
  }

  /** Reads one byte. */
  u8(): number {
    if (this.#pos >= this.#end) throw this.error("unexpected end");
    return this.#bytes[this.#pos++] as number;
  }

  /**
   * Reads `length` bytes and returns them as a view (not a copy) of the underlying array.
   */
  bytes(length: number): Uint8Array {
    this.#need(length);
    const start = this.#pos;
    this.#pos += length;
    return this.#bytes.subarray(start, this.#pos);
  }

  /** Skips `length` bytes. */
  skip(length: number): void {
    this.#need(length);
    this.#pos += length;
  }

  /**
   * Reads the next `length` bytes as a reader of their own, which cannot read past them, and
   * moves this reader past them.
   */
  window(length: number): ByteReader {
    this.#need(length);
    const start = this.#pos;
    this.#pos += length;
    return new ByteReader(this.#bytes, start, this.#pos, this.#origin);
  }

  /**
   * Reads an unsigned LEB128 integer of at most 32 bits: at most 5 bytes, and the bits of the
   * last byte above bit 31 must be zero.
   */
  u32(): number {
    const start = this.#pos;
    let result = 0;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 4 && b & 0xf0) {
        throw this.error(b & 0x80 ? "integer representation too long" : "integer too large", start);
      }
      result += (b & 0x7f) * 2 ** (7 * i);
      if ((b & 0x80) === 0) return result;
    }
  }

  /**
   * Reads an unsigned LEB128 integer of at most 64 bits (a 64-bit limit): at most 10 bytes, and
   * the bits of the last byte above bit 63 must be zero.
   */
  u64(): bigint {
    const start = this.#pos;
    let result = 0n;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === 9 && b & 0xfe) {
        throw this.error(b & 0x80 ? "integer representation too long" : "integer too large", start);
      }
      result |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) return result;
    }
  }

  /**
   * Reads a LEB128 count of items, each at least one byte long, that must fit in the bytes
   * left: `what` names the items in the error.
   */
  count(what: string): number {
    const start = this.#pos;
    const n = this.u32();
    if (n > this.remaining) {
      throw this.error(`${n} ${what} cannot fit in the ${this.remaining} bytes left`, start);
    }
    return n;
  }

  /** Reads a signed LEB128 integer of at most 32 bits (an `i32.const` immediate). */
  s32(): number {
    return Number(this.#signed(32));
  }

  /** Reads a signed LEB128 integer of at most 33 bits (a block type's type index). */
  s33(): number {
    return Number(this.#signed(33));
  }

  /** Reads a signed LEB128 integer of at most 64 bits (an `i64.const` immediate). */
  s64(): bigint {
    return this.#signed(64);
  }

  /**
   * Reads a name: its UTF-8 length as u32, then that many bytes of well-formed UTF-8.
   */
  name(): string {
    const start = this.#pos;
    const length = this.u32();
    if (length > this.remaining) {
      throw this.error(`name of ${length} bytes exceeds the ${this.remaining} bytes left`, start);
    }
    const utf8 = this.bytes(length);
    try {
      return UTF8.decode(utf8);
    } catch {
      throw this.error("malformed UTF-8 encoding", start);
    }
  }

  /**
   * Reads a signed LEB128 integer of at most `bits` bits: at most ceil(bits / 7) bytes, and the
   * bits of the last byte above the sign bit must repeat the sign bit.
   */
  #signed(bits: number): bigint {
    const start = this.#pos;
    const last = Math.ceil(bits / 7) - 1;
    let result = 0n;
    for (let i = 0; ; i++) {
      const b = this.u8();
      if (i === last) {
        if (b & 0x80) throw this.error("integer representation too long", start);
        const used = bits - 7 * i;
        const high = b >> (used - 1);
        if (high !== 0 && high !== (1 << (8 - used)) - 1) {
          throw this.error("integer too large", start);
        }
      }
      result |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) {
        return b & 0x40 ? result - (1n << BigInt(7 * (i + 1))) : result;
      }
    }
  }

  #compileError(kind: string, message: string, offset: number): CompileError {
    const at = (this.#origin + offset).toString(16);
    return new CompileError(`${kind} module at byte 0x${at}: ${message}`);
  }

  #need(length: number): void {
    if (!(Number.isInteger(length) && length >= 0)) throw new RangeError(`bad length ${length}`);
    if (length > this.remaining) {
      throw this.error(`unexpected end: ${length} bytes needed, ${this.remaining} left`);
    }
  }
}
