import { type DefinedType, type FuncType, recGroupOf } from "@wasmcall/core-types";
import type {
  ExportType,
  ExternType,
  GlobalType,
  ImportType,
  MemoryType,
  TableType,
  TagType,
} from "../extern-type.js";
import type { EnabledFeatures } from "../features.js";
import type { ByteReader } from "./byte-reader.js";
import { checkCode } from "./check-code.js";
import { type ConstContext, readConstExpr } from "./const-expr.js";
import { featureRefusal } from "./feature-error.js";
import { checkAddress, checkValTypes, valTypeRefusal } from "./feature-types.js";
import type { ModuleInfo } from "./module-info.js";
import { readDataSection, readElementSection } from "./read-segments.js";
import {
  readFuncTypeIndex,
  readGlobalType,
  readIndexOf,
  readMemoryType,
  readRecGroup,
  readTableType,
  readVec,
  type TypeSpace,
  typeSpaceOf,
} from "./read-types.js";
import { SECTION } from "./wasm-encoding.js";

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
const VERSION = [0x01, 0x00, 0x00, 0x00];

/**
 * The position of each known section id in the order the binary format requires (custom
 * sections, id 0, may appear anywhere and are not listed).
 */
const SECTION_ORDER = new Map<number, number>(
  [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11].map((id, rank) => [id, rank]),
);

/** The sections always read: those that hold types, imports and exports. */
const TYPE_SECTIONS = new Set<number>([
  SECTION.type,
  SECTION.import,
  SECTION.function,
  SECTION.table,
  SECTION.memory,
  SECTION.tag,
  SECTION.global,
  SECTION.export,
]);

/**
 * Reads a WebAssembly binary one section at a time, in the order they come, into a
 * {@link ModuleInfo}: whole from a buffer (`readModule`) or as a stream delivers the sections.
 *
 * The caller checks the header with {@link ModuleReader.header}, then, for each section, its
 * place with {@link ModuleReader.enter} and, when {@link ModuleReader.wants} it, its content with
 * {@link ModuleReader.read}; {@link ModuleReader.finish} gives what was read. Sections the
 * reader does not want (custom sections, code and data while no feature needs them checked)
 * are only checked to be in order.
 *
 * The module is decoded, not validated (the engine does that), except for the rules of the
 * features switched off in `features`. It reads WebAssembly 3.0: recursion groups of function,
 * struct and array types with their supertypes (registered, see `registerRecGroup`), every
 * reference type, tags, 64-bit and shared memories, 64-bit tables and tables with an
 * initialiser, multiple memories and the constant expressions of 3.0. Every error is a
 * `CompileError` naming the offset of the first bad byte.
 */
export class ModuleReader {
  readonly #features: EnabledFeatures;
  readonly #types: DefinedType[] = [];
  readonly #imports: ImportType[] = [];
  readonly #exports: ExportType[] = [];
  readonly #exportIndices: number[] = [];
  readonly #funcTypes: FuncType[] = [];
  readonly #tables: TableType[] = [];
  readonly #memories: MemoryType[] = [];
  readonly #globals: GlobalType[] = [];
  readonly #tags: TagType[] = [];
  #importedFuncCount = 0;
  #importedGlobalCount = 0;
  #lastRank = -1;

  /** A reader that checks the rules of the features switched off in `features`. */
  constructor(features: EnabledFeatures) {
    this.#features = features;
  }

  /** Reads and checks the 8-byte header: the magic number and version 1. */
  header(r: ByteReader): void {
    for (const b of MAGIC) {
      if (r.atEnd() || r.u8() !== b) throw r.error("magic header not detected", 0);
    }
    for (const b of VERSION) {
      if (r.atEnd() || r.u8() !== b) throw r.error("unknown binary version", 4);
    }
  }

  /**
   * Checks that a section `id` may come next: a known id, after the sections read so far.
   * `r` is only used to make the error, naming the offset `at` of the id byte.
   */
  enter(id: number, r: ByteReader, at: number): void {
    if (id === 0) return;
    const rank = SECTION_ORDER.get(id);
    if (rank === undefined) throw r.error(`malformed section id ${id}`, at);
    if (id === SECTION.tag && !this.#features.exceptions) {
      throw featureRefusal(r.error("malformed section id", at));
    }
    if (rank <= this.#lastRank) throw r.error(`unexpected section id ${id} (out of order)`, at);
    this.#lastRank = rank;
  }

  /** Tells whether {@link ModuleReader.read} needs the content of section `id`. */
  wants(id: number): boolean {
    const f = this.#features;
    if (TYPE_SECTIONS.has(id)) return true;
    if (id === SECTION.element || id === SECTION.data) {
      return !f.extendedConst || !f.anyGlobalInConstExpr;
    }
    const walk = !f.multiMemory || !f.gc || !f.exceptions || !f.tailCall || !f.relaxedSimd;
    return id === SECTION.code && walk;
  }

  /**
   * Reads the content of section `id` (`r` is a window over exactly that content), if the
   * reader {@link ModuleReader.wants} it.
   */
  read(id: number, r: ByteReader): void {
    switch (id) {
      case SECTION.type:
        readVec(r, "recursion groups", () => {
          const at = r.position;
          const first = this.#types.length;
          readRecGroup(r, this.#types);
          for (const type of this.#types.slice(first)) this.#checkDefined(r, type, at);
        });
        break;
      case SECTION.import:
        readVec(r, "imports", () => this.#import(r));
        break;
      case SECTION.function:
        readVec(r, "functions", () => this.#funcTypes.push(readFuncTypeIndex(r, this.#types)));
        break;
      case SECTION.table:
        readVec(r, "tables", () => this.#table(r));
        break;
      case SECTION.memory:
        readVec(r, "memories", () => {
          const at = r.position;
          this.#memory(r, readMemoryType(r), at);
        });
        break;
      case SECTION.tag:
        readVec(r, "tags", () => this.#tags.push(this.#tagType(r)));
        break;
      case SECTION.global: {
        const context = this.#constContext();
        readVec(r, "globals", () => {
          const at = r.position;
          this.#globals.push(this.#global(r, readGlobalType(r, this.#space(r)), at));
          readConstExpr(r, context);
        });
        break;
      }
      case SECTION.export:
        readVec(r, "exports", () => this.#export(r));
        break;
      default:
        if (!this.wants(id)) return;
        if (id === SECTION.code) checkCode(r, this.#features);
        else if (id === SECTION.element) readElementSection(r, this.#constContext());
        else readDataSection(r, this.#constContext());
        return;
    }
    r.expectEnd(`section ${id}`);
  }

  /** What was read: the module's types, imports and exports. */
  finish(): ModuleInfo {
    return Object.freeze({
      types: Object.freeze(this.#types),
      imports: Object.freeze(this.#imports),
      exports: Object.freeze(this.#exports),
      exportIndices: Object.freeze(this.#exportIndices),
      funcTypes: Object.freeze(this.#funcTypes),
      importedFuncCount: this.#importedFuncCount,
    });
  }

  #constContext(): ConstContext {
    return {
      features: this.#features,
      importedGlobals: this.#importedGlobalCount,
      types: this.#types,
    };
  }

  /** The module's type space, for reading value types after the type section. */
  #space(r: ByteReader): TypeSpace {
    return typeSpaceOf(r, this.#types);
  }

  /** Reads a table of the table section: its type, or 0x40 0x00, its type and initialiser. */
  #table(r: ByteReader): void {
    const at = r.position;
    if (r.peek() !== 0x40) {
      this.#tables.push(this.#tableType(r, readTableType(r, this.#space(r)), at));
      return;
    }
    r.u8();
    if (r.u8() !== 0x00) throw r.error("malformed table", at);
    this.#tables.push(this.#tableType(r, readTableType(r, this.#space(r)), at));
    readConstExpr(r, this.#constContext());
  }

  /**
   * Checks a defined type (its recursion group read at `at`) against the features switched
   * off: without `gc` only plain function types of the types of WebAssembly 2.0.
   */
  #checkDefined(r: ByteReader, type: DefinedType, at: number): void {
    if (this.#features.gc && this.#features.exceptions) return;
    const plain =
      type.composite.kind === "func" &&
      type.final &&
      type.supertype === undefined &&
      recGroupOf(type.name)?.length === 1;
    if (!plain && !this.#features.gc) {
      throw featureRefusal(r.error("malformed function type", at));
    }
    if (type.composite.kind === "func") {
      const { params, results } = type.composite.type;
      checkValTypes(r, [...params, ...results], this.#features, at);
    }
  }

  /** A table type (read at `at`), checked against the features switched off. */
  #tableType(r: ByteReader, type: TableType, at: number): TableType {
    const refusal = valTypeRefusal(r, type.element, this.#features, at, "reference type");
    if (refusal !== undefined) throw refusal;
    checkAddress(r, type, this.#features, at);
    return type;
  }

  /** A global type (read at `at`), checked against the features switched off. */
  #global(r: ByteReader, type: GlobalType, at: number): GlobalType {
    checkValTypes(r, [type.content], this.#features, at);
    return type;
  }

  /** Reads a tag type: attribute 0 (an exception) and the index of its function type. */
  #tagType(r: ByteReader): TagType {
    const at = r.position;
    if (!this.#features.exceptions) throw featureRefusal(r.error("malformed import kind", at - 1));
    const attribute = r.u8();
    if (attribute !== 0x00)
      throw r.error(`malformed tag attribute 0x${attribute.toString(16)}`, at);
    return Object.freeze({ type: readFuncTypeIndex(r, this.#types) });
  }

  #memory(r: ByteReader, type: MemoryType, at: number): void {
    checkAddress(r, type, this.#features, at);
    this.#memories.push(type);
    if (this.#memories.length > 1 && !this.#features.multiMemory) {
      throw featureRefusal(r.invalid("multiple memories", at));
    }
  }

  #import(r: ByteReader): void {
    const module = r.name();
    const name = r.name();
    const at = r.position;
    const kind = r.u8();
    let type: ExternType;
    switch (kind) {
      case 0x00: {
        const func = readFuncTypeIndex(r, this.#types);
        this.#funcTypes.push(func);
        this.#importedFuncCount++;
        type = { kind: "func", type: func };
        break;
      }
      case 0x01: {
        const table = this.#tableType(r, readTableType(r, this.#space(r)), at);
        this.#tables.push(table);
        type = { kind: "table", type: table };
        break;
      }
      case 0x02: {
        const memory = readMemoryType(r);
        this.#memory(r, memory, at);
        type = { kind: "memory", type: memory };
        break;
      }
      case 0x03: {
        const global = this.#global(r, readGlobalType(r, this.#space(r)), at);
        this.#globals.push(global);
        this.#importedGlobalCount++;
        type = { kind: "global", type: global };
        break;
      }
      case 0x04: {
        const tag = this.#tagType(r);
        this.#tags.push(tag);
        type = { kind: "tag", type: tag };
        break;
      }
      default:
        throw unsupportedKind(r, kind, at);
    }
    this.#imports.push(Object.freeze({ module, name, type: Object.freeze(type) }));
  }

  #export(r: ByteReader): void {
    const name = r.name();
    const at = r.position;
    const kind = r.u8();
    let type: ExternType;
    let index: number;
    switch (kind) {
      case 0x00:
        index = readIndexOf(r, this.#funcTypes, "function");
        type = { kind: "func", type: this.#funcTypes[index] as FuncType };
        break;
      case 0x01:
        index = readIndexOf(r, this.#tables, "table");
        type = { kind: "table", type: this.#tables[index] as TableType };
        break;
      case 0x02:
        index = readIndexOf(r, this.#memories, "memory");
        type = { kind: "memory", type: this.#memories[index] as MemoryType };
        break;
      case 0x03:
        index = readIndexOf(r, this.#globals, "global");
        type = { kind: "global", type: this.#globals[index] as GlobalType };
        break;
      case 0x04:
        if (!this.#features.exceptions) throw featureRefusal(r.error("malformed export kind", at));
        index = readIndexOf(r, this.#tags, "tag");
        type = { kind: "tag", type: this.#tags[index] as TagType };
        break;
      default:
        throw unsupportedKind(r, kind, at);
    }
    this.#exports.push(Object.freeze({ name, type: Object.freeze(type) }));
    this.#exportIndices.push(index);
  }
}

/** The error for an import or export kind other than function, table, memory, global or tag. */
function unsupportedKind(r: ByteReader, kind: number, at: number): Error {
  return r.error(`malformed external kind 0x${kind.toString(16)}`, at);
}
