import { CompileError } from "@wasmcall/core-types";
import type { EnabledFeatures } from "../features.js";
import { ByteReader } from "./byte-reader.js";
import { isFeatureRefusal } from "./feature-error.js";
import type { ModuleInfo } from "./module-info.js";
import { ModuleReader } from "./module-reader.js";

const HEADER_SIZE = 8;
/** A section's head: its id byte and its size, a LEB128 u32 of at most 5 bytes. */
const MAX_HEAD_SIZE = 6;

/** The section whose content is passing. */
interface OpenSection {
  readonly id: number;
  /** The offset of its content in the module. */
  readonly contentStart: number;
  readonly size: number;
  /** The offset of its size field, for the error of a stream that ends inside it. */
  readonly sizeAt: number;
  received: number;
  /** Copies of its content so far, kept when the reader wants it. */
  readonly kept: Uint8Array[] | undefined;
}

/**
 * Passes the bytes of a module on, unchanged, as a stream delivers them, and reads the module's
 * types from the sections as they pass.
 *
 * Every chunk goes on as it arrives. Only the sections the {@link ModuleReader} wants are also
 * copied until complete, to be read: the type, import, function, table, memory, global and
 * export sections, and the code, element and data sections when a switched-off feature needs
 * them checked.
 *
 * Use it in a `TransformStream`; once the stream has ended, {@link ModuleStream.info} gives what
 * was read. Two things can go wrong, both to check whether the consumer of the output succeeded
 * or not:
 * - {@link ModuleStream.failure}: the module uses a switched-off feature, or a chunk is not
 *   bytes. The output ends there (it does not error).
 * - {@link ModuleStream.refusal}: the reader could not read the bytes. They keep passing on
 *   unread, so that the engine can say what is wrong with them in its own words; the refusal
 *   only matters when the engine accepts them.
 *
 * @example
 * ```ts
 * const stream = new ModuleStream(ALL_FEATURES);
 * const body = response.body.pipeThrough(new TransformStream(stream));
 * const module = await WebAssembly.compileStreaming(
 *   new Response(body, { headers: { "content-type": "application/wasm" } }),
 * );
 * if (stream.failure ?? stream.refusal) throw stream.failure ?? stream.refusal;
 * const info = stream.info();
 * ```
 */
export class ModuleStream implements Transformer<Uint8Array, Uint8Array> {
  readonly #reader: ModuleReader;
  /** The offset in the module of the next byte to arrive. */
  #offset = 0;
  /** The header, or the head of the next section, as far as it has arrived. */
  #head: number[] = [];
  #headerRead = false;
  #section: OpenSection | undefined;
  #info: ModuleInfo | undefined;
  #failure: CompileError | undefined;
  #refusal: CompileError | undefined;

  /** A transformer checking the rules of the features switched off in `features`. */
  constructor(features: EnabledFeatures) {
    this.#reader = new ModuleReader(features);
  }

  /** The error that ended the output, if any: a switched-off feature, or a chunk not of bytes. */
  get failure(): CompileError | undefined {
    return this.#failure;
  }

  /** Why the reader could not read the module's bytes, if it could not. */
  get refusal(): CompileError | undefined {
    return this.#refusal;
  }

  /**
   * What was read from the module's sections.
   *
   * @throws {Error} before the stream has ended, or when it failed or was refused.
   */
  info(): ModuleInfo {
    if (this.#info === undefined) throw new Error("the module's stream has not been read");
    return this.#info;
  }

  /** Reads the next chunk of the module and passes it on. */
  transform(chunk: Uint8Array, controller: TransformStreamDefaultController<Uint8Array>): void {
    if (!(chunk instanceof Uint8Array)) {
      this.#end(
        new CompileError(`expected chunks of bytes in the stream, got ${typeof chunk}`),
        controller,
      );
      return;
    }
    this.#read(controller, () => this.#take(chunk));
    if (this.#failure === undefined) controller.enqueue(chunk);
  }

  /** Ends the stream: checks that the module ended between two sections. */
  flush(controller: TransformStreamDefaultController<Uint8Array>): void {
    this.#read(controller, () => {
      const section = this.#section;
      if (!this.#headerRead) {
        this.#reader.header(new ByteReader(Uint8Array.from(this.#head)));
      }
      if (section !== undefined) {
        throw new ByteReader(new Uint8Array(0), 0, 0, section.sizeAt).error(
          `section of ${section.size} bytes exceeds the ${section.received} bytes left`,
        );
      }
      if (this.#head.length > 0) {
        throw new ByteReader(new Uint8Array(0), 0, 0, this.#offset).error("unexpected end");
      }
      this.#info = this.#reader.finish();
    });
  }

  /**
   * Runs `action` unless the reader has given up. A feature's refusal ends the output; any
   * other error is kept as the refusal, and the reader gives up.
   */
  #read(controller: TransformStreamDefaultController<Uint8Array>, action: () => void): void {
    if (this.#refusal !== undefined) return;
    try {
      action();
    } catch (error) {
      const compileError =
        error instanceof CompileError
          ? error
          : new CompileError(error instanceof Error ? error.message : String(error), {
              cause: error,
            });
      if (isFeatureRefusal(error)) this.#end(compileError, controller);
      else this.#refusal = compileError;
    }
  }

  /**
   * Ends the output with `failure`. It ends rather than errors: some engines report an errored
   * stream given to `compileStreaming` on the console, even when its rejection is handled.
   */
  #end(failure: CompileError, controller: TransformStreamDefaultController<Uint8Array>): void {
    this.#failure = failure;
    controller.terminate();
  }

  /** Reads `chunk`. */
  #take(chunk: Uint8Array): void {
    let at = 0;
    for (;;) {
      const section = this.#section;
      if (section !== undefined && section.received === section.size) {
        this.#closeSection(section);
      } else if (at < chunk.length) {
        at = section === undefined ? this.#takeHead(chunk, at) : this.#takeContent(chunk, at);
      } else {
        return;
      }
    }
  }

  /** Takes bytes of the header or a section's head from `chunk[at..]`; returns where it stopped. */
  #takeHead(chunk: Uint8Array, at: number): number {
    const head = this.#head;
    while (at < chunk.length) {
      const byte = chunk[at++] as number;
      head.push(byte);
      this.#offset++;
      if (!this.#headerRead) {
        if (head.length < HEADER_SIZE) continue;
        this.#reader.header(new ByteReader(Uint8Array.from(head)));
        this.#headerRead = true;
        this.#head = [];
        return at;
      }
      if (head.length >= 2 && (byte < 0x80 || head.length === MAX_HEAD_SIZE)) {
        this.#openSection();
        return at;
      }
    }
    return at;
  }

  /** Starts the section whose head is complete in `#head`. */
  #openSection(): void {
    const bytes = Uint8Array.from(this.#head);
    const start = this.#offset - bytes.length;
    this.#head = [];
    const r = new ByteReader(bytes, 0, bytes.length, start);
    const id = r.u8();
    const size = r.u32();
    this.#reader.enter(id, r, 0);
    this.#section = {
      id,
      contentStart: this.#offset,
      size,
      sizeAt: start + 1,
      received: 0,
      kept: id !== 0 && this.#reader.wants(id) ? [] : undefined,
    };
  }

  /** Takes content of the open section from `chunk[at..]` (not empty); returns where it stopped. */
  #takeContent(chunk: Uint8Array, at: number): number {
    const section = this.#section as OpenSection;
    const length = Math.min(section.size - section.received, chunk.length - at);
    // A copy: the chunk passes on, and the consumer owns the chunks it is given.
    section.kept?.push(chunk.slice(at, at + length));
    section.received += length;
    this.#offset += length;
    return at + length;
  }

  /** Reads the section just completed, if kept. */
  #closeSection(section: OpenSection): void {
    this.#section = undefined;
    if (section.kept === undefined) return;
    const content = concat(section.kept, section.size);
    this.#reader.read(section.id, new ByteReader(content, 0, content.length, section.contentStart));
  }
}

/** The pieces joined into one array of `size` bytes. */
function concat(pieces: readonly Uint8Array[], size: number): Uint8Array {
  if (pieces.length === 1) return pieces[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
