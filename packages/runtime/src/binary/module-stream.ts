import { CompileError } from "@wasmcall/core-types";
import type { EnabledFeatures } from "../features.js";
import { ByteReader } from "./byte-reader.js";
import { AFTER_EXPORT, exportSectionWithAll } from "./export-all-functions.js";
import type { ModuleInfo } from "./module-info.js";
import { ModuleReader } from "./module-reader.js";
import { SECTION } from "./wasm-encoding.js";

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
  /** Whether its bytes go on as they arrive (all but the export section's). */
  readonly passes: boolean;
  /** Its content so far, kept when the reader wants it. */
  readonly kept: Uint8Array[] | undefined;
}

/**
 * Transforms the bytes of a module, as a stream delivers them, into the bytes the runtime
 * compiles (the export section with every function also exported as `${prefix}${index}`, as
 * `exportAllFunctions` does), and reads the module's types from the sections as they pass.
 *
 * The sections before the export section pass on as they arrive, and so does everything after
 * it; the export section is held until complete and rewritten, or inserted before the first
 * section that must follow it (or at the end) when the module has none. Only the sections the
 * {@link ModuleReader} wants are also kept until complete, to be read: the type, import,
 * function, table, memory, global and export sections, and the code, element and data
 * sections when a switched-off feature needs them checked.
 *
 * Use it in a `TransformStream`; once the stream has ended, {@link ModuleStream.info} gives what
 * was read. When the bytes are malformed or use a switched-off feature, the output ends there
 * (it does not error) and {@link ModuleStream.failure} holds the `CompileError`: check it
 * whether the consumer of the output succeeded or not.
 *
 * @example
 * ```ts
 * const stream = new ModuleStream(ALL_FEATURES, "__wasmcall_func_");
 * const body = response.body.pipeThrough(new TransformStream(stream));
 * const module = await WebAssembly.compileStreaming(
 *   new Response(body, { headers: { "content-type": "application/wasm" } }),
 * );
 * if (stream.failure) throw stream.failure;
 * const info = stream.info();
 * ```
 */
export class ModuleStream implements Transformer<Uint8Array, Uint8Array> {
  readonly #reader: ModuleReader;
  readonly #prefix: string;
  /** The offset in the module of the next byte to arrive. */
  #offset = 0;
  /** The header, or the head of the next section, as far as it has arrived. */
  #head: number[] = [];
  #headerRead = false;
  #section: OpenSection | undefined;
  #exportWritten = false;
  #info: ModuleInfo | undefined;
  #failure: CompileError | undefined;

  /** A transformer checking the rules of the features switched off in `features`. */
  constructor(features: EnabledFeatures, prefix: string) {
    this.#reader = new ModuleReader(features);
    this.#prefix = prefix;
  }

  /** The error the stream failed with, if it failed on the module's bytes. */
  get failure(): CompileError | undefined {
    return this.#failure;
  }

  /**
   * What was read from the module's sections.
   *
   * @throws {Error} before the stream has ended.
   */
  info(): ModuleInfo {
    if (this.#info === undefined) throw new Error("the module's stream has not ended");
    return this.#info;
  }

  /** Takes the next chunk of the module. */
  transform(chunk: Uint8Array, controller: TransformStreamDefaultController<Uint8Array>): void {
    this.#guard(controller, () => {
      if (!(chunk instanceof Uint8Array)) {
        throw new CompileError(`expected chunks of bytes in the stream, got ${typeof chunk}`);
      }
      let at = 0;
      for (;;) {
        const section = this.#section;
        if (section !== undefined && section.received === section.size) {
          this.#closeSection(section, controller);
        } else if (at < chunk.length) {
          at =
            section === undefined
              ? this.#takeHead(chunk, at, controller)
              : this.#takeContent(chunk, at, controller);
        } else {
          return;
        }
      }
    });
  }

  /** Ends the stream: checks that the module ended between two sections. */
  flush(controller: TransformStreamDefaultController<Uint8Array>): void {
    this.#guard(controller, () => {
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
      this.#writeExportsUnlessWritten(controller);
      this.#info = this.#reader.finish();
    });
  }

  /**
   * Runs `action`; when it throws, keeps the error as the failure and ends the output where it
   * is. The output ends rather than errors: some engines report an errored stream given to
   * `compileStreaming` on the console, even when its rejection is handled.
   */
  #guard(controller: TransformStreamDefaultController<Uint8Array>, action: () => void): void {
    try {
      action();
    } catch (error) {
      this.#failure =
        error instanceof CompileError
          ? error
          : new CompileError(error instanceof Error ? error.message : String(error), {
              cause: error,
            });
      controller.terminate();
    }
  }

  /** Takes bytes of the header or a section's head from `chunk[at..]`; returns where it stopped. */
  #takeHead(
    chunk: Uint8Array,
    at: number,
    controller: TransformStreamDefaultController<Uint8Array>,
  ): number {
    const head = this.#head;
    while (at < chunk.length) {
      const byte = chunk[at++] as number;
      head.push(byte);
      this.#offset++;
      if (!this.#headerRead) {
        if (head.length < HEADER_SIZE) continue;
        const header = Uint8Array.from(head);
        this.#reader.header(new ByteReader(header));
        controller.enqueue(header);
        this.#headerRead = true;
        this.#head = [];
        return at;
      }
      if (head.length >= 2 && (byte < 0x80 || head.length === MAX_HEAD_SIZE)) {
        this.#openSection(controller);
        return at;
      }
    }
    return at;
  }

  /** Starts the section whose head is complete in `#head`. */
  #openSection(controller: TransformStreamDefaultController<Uint8Array>): void {
    const bytes = Uint8Array.from(this.#head);
    const start = this.#offset - bytes.length;
    this.#head = [];
    const r = new ByteReader(bytes, 0, bytes.length, start);
    const id = r.u8();
    const size = r.u32();
    this.#reader.enter(id, r, 0);
    if (AFTER_EXPORT.has(id)) this.#writeExportsUnlessWritten(controller);
    const isExport = id === SECTION.export;
    if (isExport) this.#exportWritten = true;
    else controller.enqueue(bytes);
    this.#section = {
      id,
      contentStart: this.#offset,
      size,
      sizeAt: start + 1,
      received: 0,
      passes: !isExport,
      kept: id !== 0 && this.#reader.wants(id) ? [] : undefined,
    };
  }

  /** Takes content of the open section from `chunk[at..]` (not empty); returns where it stopped. */
  #takeContent(
    chunk: Uint8Array,
    at: number,
    controller: TransformStreamDefaultController<Uint8Array>,
  ): number {
    const section = this.#section as OpenSection;
    const length = Math.min(section.size - section.received, chunk.length - at);
    const piece = chunk.subarray(at, at + length);
    if (section.passes) controller.enqueue(piece);
    // A copy of what passes on: the consumer owns the chunks it is given.
    section.kept?.push(section.passes ? piece.slice() : piece);
    section.received += length;
    this.#offset += length;
    return at + length;
  }

  /** Reads the section just completed, if kept, and writes the export section. */
  #closeSection(
    section: OpenSection,
    controller: TransformStreamDefaultController<Uint8Array>,
  ): void {
    this.#section = undefined;
    if (section.kept === undefined) return;
    const content = concat(section.kept, section.size);
    this.#reader.read(section.id, new ByteReader(content, 0, content.length, section.contentStart));
    if (section.id === SECTION.export) {
      controller.enqueue(this.#exportSection(content));
    }
  }

  #writeExportsUnlessWritten(controller: TransformStreamDefaultController<Uint8Array>): void {
    if (this.#exportWritten) return;
    this.#exportWritten = true;
    controller.enqueue(this.#exportSection(undefined));
  }

  #exportSection(content: Uint8Array | undefined): Uint8Array {
    const reader = this.#reader;
    return exportSectionWithAll(reader.funcCount, reader.exports, this.#prefix, content);
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
