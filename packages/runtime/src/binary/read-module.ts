import { FuncType, type RefType, type ValType } from "@wasmcall/core-types";
import type {
  ExportType,
  ExternType,
  GlobalType,
  ImportType,
  MemoryType,
  TableType,
} from "../extern-type.js";
import { ByteReader } from "./byte-reader.js";

/**
 * What the runtime needs to know about a module before it compiles it: its function types, its
 * imports and exports with their types, and where its export section lies.
 */
export interface ModuleInfo {
  /** The type section, in order. */
  readonly types: readonly FuncType[];
  /** The imports, in order. */
  readonly imports: readonly ImportType[];
  /** The exports, in order. */
  readonly exports: readonly ExportType[];
  /** For each export, in order, the index of the item it exports within its kind's space. */
  readonly exportIndices: readonly number[];
  /** The type of every function index: imported functions first, then defined ones. */
  readonly funcTypes: readonly FuncType[];
  /** The number of imported functions (the first function indices). */
  readonly importedFuncCount: number;
  /** The byte range of the whole export section (from its id byte to its end), if present. */
  readonly exportSection?: { readonly start: number; readonly end: number };
}

const MAGIC = [0x00, 0x61, 0x73, 0x6d];
const VERSION = [0x01, 0x00, 0x00, 0x00];

const CUSTOM_SECTION = 0;

/**
 * The position of each known section id in the order the binary format requires (custom
 * sections, id 0, may appear anywhere and are not listed).
 */
const SECTION_ORDER = new Map<number, number>(
  [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11].map((id, rank) => [id, rank]),
);

const VAL_TYPE_CODES = new Map<number, ValType>([
  [0x7f, "i32"],
  [0x7e, "i64"],
  [0x7d, "f32"],
  [0x7c, "f64"],
  [0x7b, "v128"],
  [0x70, "funcref"],
  [0x6f, "externref"],
]);

/**
 * Reads the header and the sections up to and including the export section of a WebAssembly
 * binary, and returns its types, imports and exports.
 *
 * Custom sections are skipped; the sections after the export section are only checked to be
 * well-framed (known id, in order, within the bytes), not read. The module is decoded, not
 * validated: `WebAssembly.Module` does that. It reads the MVP and the proposals that wasmcall's
 * value types come from or go with (multi-value, reference types, SIMD, bulk memory, shared
 * memories, extended constant expressions); it rejects tags, typed references and 64-bit
 * memories and tables, which wasmcall cannot type.
 *
 * @throws {CompileError} when the bytes do not decode, with the offset of the first bad byte.
 *
 * @example
 * ```ts
 * const info = readModule(bytes);
 * for (const e of info.exports) console.log(e.name, e.type.kind);
 * ```
 */
export function readModule(bytes: Uint8Array): ModuleInfo {
  const r = new ByteReader(bytes);
  readHeader(r);

  const types: FuncType[] = [];
  const imports: ImportType[] = [];
  const exports: ExportType[] = [];
  const exportIndices: number[] = [];
  const funcTypes: FuncType[] = [];
  const tables: TableType[] = [];
  const memories: MemoryType[] = [];
  const globals: GlobalType[] = [];
  let importedFuncCount = 0;
  let exportSection: { start: number; end: number } | undefined;

  let lastRank = -1;
  while (!r.atEnd()) {
    const start = r.position;
    const id = r.u8();
    const sizeAt = r.position;
    const size = r.u32();
    if (size > r.remaining) {
      throw r.error(`section of ${size} bytes exceeds the ${r.remaining} bytes left`, sizeAt);
    }
    const s = r.window(size);
    if (id === CUSTOM_SECTION) {
      s.name();
      continue;
    }
    const rank = SECTION_ORDER.get(id);
    if (rank === undefined) throw r.error(`malformed section id ${id}`, start);
    if (rank <= lastRank) throw r.error(`unexpected section id ${id} (out of order)`, start);
    lastRank = rank;

    switch (id) {
      case 1:
        readVec(s, "types", () => types.push(readFuncType(s)));
        break;
      case 2:
        readVec(s, "imports", () => {
          const module = s.name();
          const name = s.name();
          const type = readImportDesc(s, types, tables, memories, globals);
          if (type.kind === "func") {
            funcTypes.push(type.type);
            importedFuncCount++;
          }
          imports.push(Object.freeze({ module, name, type }));
        });
        break;
      case 3:
        readVec(s, "functions", () => funcTypes.push(readTypeIndex(s, types)));
        break;
      case 4:
        readVec(s, "tables", () => tables.push(readTableType(s)));
        break;
      case 5:
        readVec(s, "memories", () => memories.push(readMemoryType(s)));
        break;
      case 6:
        readVec(s, "globals", () => {
          globals.push(readGlobalType(s));
          skipConstExpr(s);
        });
        break;
      case 7:
        readVec(s, "exports", () => {
          const name = s.name();
          const { type, index } = readExportDesc(s, funcTypes, tables, memories, globals);
          exports.push(Object.freeze({ name, type }));
          exportIndices.push(index);
        });
        exportSection = Object.freeze({ start, end: s.end });
        break;
      default: // sections after the export section, and tags: not needed
        s.skip(s.remaining);
        break;
    }
    s.expectEnd(`section ${id}`);
  }

  return Object.freeze({
    types: Object.freeze(types),
    imports: Object.freeze(imports),
    exports: Object.freeze(exports),
    exportIndices: Object.freeze(exportIndices),
    funcTypes: Object.freeze(funcTypes),
    importedFuncCount,
    ...(exportSection && { exportSection }),
  });
}

function readHeader(r: ByteReader): void {
  for (const b of MAGIC) {
    if (r.atEnd() || r.u8() !== b) throw r.error("magic header not detected", 0);
  }
  for (const b of VERSION) {
    if (r.atEnd() || r.u8() !== b) throw r.error("unknown binary version", 4);
  }
}

/** Reads a vector: its count, then `count` items through `item`. */
function readVec(r: ByteReader, what: string, item: () => void): void {
  const n = r.count(what);
  for (let i = 0; i < n; i++) item();
}

function readValType(r: ByteReader): ValType {
  const at = r.position;
  const code = r.u8();
  const type = VAL_TYPE_CODES.get(code);
  if (type === undefined) throw r.error(`malformed value type 0x${code.toString(16)}`, at);
  return type;
}

function readRefType(r: ByteReader): RefType {
  const at = r.position;
  const type = readValType(r);
  if (type !== "funcref" && type !== "externref") {
    throw r.error(`malformed reference type ${type}`, at);
  }
  return type;
}

function readFuncType(r: ByteReader): FuncType {
  const at = r.position;
  const form = r.u8();
  if (form !== 0x60) throw r.error(`unsupported type form 0x${form.toString(16)}`, at);
  const params: ValType[] = [];
  readVec(r, "parameter types", () => params.push(readValType(r)));
  const results: ValType[] = [];
  readVec(r, "result types", () => results.push(readValType(r)));
  return new FuncType(params, results);
}

function readTypeIndex(r: ByteReader, types: readonly FuncType[]): FuncType {
  return readIndex(r, types, "type");
}

/** Reads an index into `space` and returns the item there; `what` names the index space. */
function readIndex<T>(r: ByteReader, space: readonly T[], what: string): T {
  return space[readIndexOf(r, space, what)] as T;
}

function readIndexOf(r: ByteReader, space: readonly unknown[], what: string): number {
  const at = r.position;
  const index = r.u32();
  if (space[index] === undefined) throw r.error(`unknown ${what} ${index}`, at);
  return index;
}

function readLimits(r: ByteReader, flags: number): { min: number; max?: number } {
  const min = r.u32();
  return flags & 1 ? { min, max: r.u32() } : { min };
}

function readTableType(r: ByteReader): TableType {
  const element = readRefType(r);
  const at = r.position;
  const flags = r.u8();
  if (flags > 0x01) throw r.error(`unsupported table limits flags 0x${flags.toString(16)}`, at);
  return Object.freeze({ element, ...readLimits(r, flags) });
}

function readMemoryType(r: ByteReader): MemoryType {
  const at = r.position;
  const flags = r.u8();
  if (flags > 0x03) throw r.error(`unsupported memory limits flags 0x${flags.toString(16)}`, at);
  return Object.freeze({ ...readLimits(r, flags), shared: (flags & 0x02) !== 0 });
}

function readGlobalType(r: ByteReader): GlobalType {
  const content = readValType(r);
  const at = r.position;
  const mut = r.u8();
  if (mut > 0x01) throw r.error(`malformed mutability 0x${mut.toString(16)}`, at);
  return Object.freeze({ content, mutable: mut === 0x01 });
}

/**
 * Skips a constant expression: its instructions up to and including the `end` (0x0b) that
 * closes it.
 */
function skipConstExpr(r: ByteReader): void {
  for (;;) {
    const at = r.position;
    const op = r.u8();
    switch (op) {
      case 0x0b: // end
        return;
      case 0x41: // i32.const
        r.s32();
        break;
      case 0x42: // i64.const
        r.s64();
        break;
      case 0x43: // f32.const
        r.skip(4);
        break;
      case 0x44: // f64.const
        r.skip(8);
        break;
      case 0x23: // global.get
      case 0xd2: // ref.func
        r.u32();
        break;
      case 0xd0: // ref.null
        readRefType(r);
        break;
      case 0x6a: // i32.add
      case 0x6b: // i32.sub
      case 0x6c: // i32.mul
      case 0x7c: // i64.add
      case 0x7d: // i64.sub
      case 0x7e: // i64.mul
        break;
      case 0xfd: {
        const sub = r.u32();
        if (sub !== 12) throw r.error(`unsupported instruction 0xfd ${sub} in a constant`, at);
        r.skip(16); // v128.const
        break;
      }
      default:
        throw r.error(`unsupported instruction 0x${op.toString(16)} in a constant`, at);
    }
  }
}

function readImportDesc(
  r: ByteReader,
  types: readonly FuncType[],
  tables: TableType[],
  memories: MemoryType[],
  globals: GlobalType[],
): ExternType {
  const at = r.position;
  const kind = r.u8();
  switch (kind) {
    case 0x00:
      return Object.freeze({ kind: "func", type: readTypeIndex(r, types) });
    case 0x01: {
      const type = readTableType(r);
      tables.push(type);
      return Object.freeze({ kind: "table", type });
    }
    case 0x02: {
      const type = readMemoryType(r);
      memories.push(type);
      return Object.freeze({ kind: "memory", type });
    }
    case 0x03: {
      const type = readGlobalType(r);
      globals.push(type);
      return Object.freeze({ kind: "global", type });
    }
    default:
      throw unsupportedKind(r, kind, at);
  }
}

function readExportDesc(
  r: ByteReader,
  funcTypes: readonly FuncType[],
  tables: readonly TableType[],
  memories: readonly MemoryType[],
  globals: readonly GlobalType[],
): { type: ExternType; index: number } {
  const at = r.position;
  const kind = r.u8();
  let type: ExternType;
  let index: number;
  switch (kind) {
    case 0x00:
      index = readIndexOf(r, funcTypes, "function");
      type = { kind: "func", type: funcTypes[index] as FuncType };
      break;
    case 0x01:
      index = readIndexOf(r, tables, "table");
      type = { kind: "table", type: tables[index] as TableType };
      break;
    case 0x02:
      index = readIndexOf(r, memories, "memory");
      type = { kind: "memory", type: memories[index] as MemoryType };
      break;
    case 0x03:
      index = readIndexOf(r, globals, "global");
      type = { kind: "global", type: globals[index] as GlobalType };
      break;
    default:
      throw unsupportedKind(r, kind, at);
  }
  return { type: Object.freeze(type), index };
}

/** The error for an import or export kind other than function, table, memory or global. */
function unsupportedKind(r: ByteReader, kind: number, at: number): Error {
  const message =
    kind === 0x04
      ? "unsupported external kind: tag"
      : `malformed external kind 0x${kind.toString(16)}`;
  return r.error(message, at);
}
