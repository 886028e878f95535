import {
  type DefinedType,
  type DraftField,
  type FuncType,
  type RefType,
  refType,
  registerRecGroup,
  type TypeDraft,
  type ValType,
} from "@wasmcall/core-types";
import type { GlobalType, MemoryType, TableType } from "../extern-type.js";
import type { ByteReader } from "./byte-reader.js";

/** The value types with a one-byte code: numbers, v128 and the nullable abstract references. */
export const VAL_TYPE_CODES: ReadonlyMap<number, ValType> = new Map<number, ValType>([
  [0x7f, "i32"],
  [0x7e, "i64"],
  [0x7d, "f32"],
  [0x7c, "f64"],
  [0x7b, "v128"],
  [0x74, "nullexnref"],
  [0x73, "nullfuncref"],
  [0x72, "nullexternref"],
  [0x71, "nullref"],
  [0x70, "funcref"],
  [0x6f, "externref"],
  [0x6e, "anyref"],
  [0x6d, "eqref"],
  [0x6c, "i31ref"],
  [0x6b, "structref"],
  [0x6a, "arrayref"],
  [0x69, "exnref"],
]);

/** The abstract heap types, by their one-byte code. */
const HEAP_TYPE_CODES: ReadonlyMap<number, string> = new Map([
  [0x74, "noexn"],
  [0x73, "nofunc"],
  [0x72, "noextern"],
  [0x71, "none"],
  [0x70, "func"],
  [0x6f, "extern"],
  [0x6e, "any"],
  [0x6d, "eq"],
  [0x6c, "i31"],
  [0x6b, "struct"],
  [0x6a, "array"],
  [0x69, "exn"],
]);

/**
 * What a type index read at `at` names inside a value type: the registry name of a type
 * defined before (`$struct3`), or `$rec.K` for the K-th type of the recursion group being
 * read. Refuses an index that names no type yet.
 */
export type TypeSpace = (index: number, at: number) => string;

/** The type space of a module whose type section has been read: `types`, by index. */
export function typeSpaceOf(r: ByteReader, types: readonly DefinedType[]): TypeSpace {
  return (index, at) => {
    const t = types[index];
    if (t === undefined) throw r.error(`unknown type ${index}`, at);
    return t.name;
  };
}

/** Reads a vector: its count, then `count` items through `item`; `what` names the items. */
export function readVec(r: ByteReader, what: string, item: () => void): void {
  const n = r.count(what);
  for (let i = 0; i < n; i++) item();
}

/** Reads a heap type: an abstract one's code, or a type index (a signed 33-bit LEB128). */
export function readHeapType(r: ByteReader, space: TypeSpace): string {
  const at = r.position;
  const code = r.peek();
  const abstract = HEAP_TYPE_CODES.get(code);
  if (abstract !== undefined) {
    r.u8();
    return abstract;
  }
  const index = r.s33();
  if (index < 0) throw r.error(`malformed heap type 0x${code.toString(16)}`, at);
  return space(index, at);
}

/** Reads a value type (of WebAssembly 3.0: `(ref null? <heaptype>)` included). */
export function readValType(r: ByteReader, space: TypeSpace): ValType {
  const at = r.position;
  const code = r.u8();
  const type = VAL_TYPE_CODES.get(code);
  if (type !== undefined) return type;
  if (code === 0x63 || code === 0x64) return refType(readHeapType(r, space), code === 0x63);
  throw r.error(`malformed value type 0x${code.toString(16)}`, at);
}

/** Reads a reference type. */
export function readRefType(r: ByteReader, space: TypeSpace): RefType {
  const at = r.position;
  const type = readValType(r, space);
  if (type === "i32" || type === "i64" || type === "f32" || type === "f64" || type === "v128") {
    throw r.error(`malformed reference type ${type}`, at);
  }
  return type;
}

/**
 * Reads one recursion group of a type section (`(rec ...)`, or a lone type, which is a group
 * of one), registers it (see `registerRecGroup`) and appends its types to `types`.
 */
export function readRecGroup(r: ByteReader, types: DefinedType[]): void {
  const at = r.position;
  let count = 1;
  if (r.peek() === 0x4e) {
    r.u8();
    count = r.count("types of a recursion group");
  }
  const start = types.length;
  const space: TypeSpace = (index, where) => {
    if (index < start) return (types[index] as DefinedType).name;
    if (index < start + count) return `$rec.${index - start}`;
    throw r.error(`unknown type ${index}`, where);
  };
  const drafts: TypeDraft[] = [];
  for (let i = 0; i < count; i++) drafts.push(readSubType(r, space));
  try {
    types.push(...registerRecGroup(drafts));
  } catch (error) {
    throw r.error(error instanceof Error ? error.message : String(error), at);
  }
}

/** Reads a subtype: `sub final? <supertypes> <comptype>`, or a bare (final) composite type. */
function readSubType(r: ByteReader, space: TypeSpace): TypeDraft {
  const form = r.peek();
  if (form !== 0x50 && form !== 0x4f)
    return { composite: readComposite(r, space), supertype: undefined, final: true };
  r.u8();
  const at = r.position;
  const supertypes: string[] = [];
  readVec(r, "supertypes", () => {
    const where = r.position;
    supertypes.push(space(r.u32(), where));
  });
  if (supertypes.length > 1) throw r.invalid("multiple supertypes", at);
  return { composite: readComposite(r, space), supertype: supertypes[0], final: form === 0x4f };
}

/** Reads a composite type: a function (0x60), struct (0x5f) or array (0x5e) type. */
function readComposite(r: ByteReader, space: TypeSpace): TypeDraft["composite"] {
  const at = r.position;
  const form = r.u8();
  switch (form) {
    case 0x60: {
      const params: string[] = [];
      readVec(r, "parameter types", () => params.push(readValType(r, space)));
      const results: string[] = [];
      readVec(r, "result types", () => results.push(readValType(r, space)));
      return { kind: "func", params, results };
    }
    case 0x5f: {
      const fields: DraftField[] = [];
      readVec(r, "fields", () => fields.push(readFieldType(r, space)));
      return { kind: "struct", fields };
    }
    case 0x5e:
      return { kind: "array", element: readFieldType(r, space) };
    default:
      throw r.error(`malformed type form 0x${form.toString(16)}`, at);
  }
}

/** Reads a field type: a storage type (a value type, or i8 / i16) and its mutability. */
function readFieldType(r: ByteReader, space: TypeSpace): DraftField {
  const code = r.peek();
  let storage: string;
  if (code === 0x78 || code === 0x77) {
    r.u8();
    storage = code === 0x78 ? "i8" : "i16";
  } else storage = readValType(r, space);
  return { storage, mutable: readMutability(r) };
}

function readMutability(r: ByteReader): boolean {
  const at = r.position;
  const mut = r.u8();
  if (mut > 0x01) throw r.error(`malformed mutability 0x${mut.toString(16)}`, at);
  return mut === 0x01;
}

/** The function type of defined type `type`, refused (at `at`) when it is a struct or array. */
export function funcTypeOf(r: ByteReader, type: DefinedType, index: number, at: number): FuncType {
  if (type.composite.kind !== "func") {
    throw r.invalid(`type ${index} is a ${type.composite.kind} type, not a function type`, at);
  }
  return type.composite.type;
}

/** Reads a type index into `types`, refusing one that names no type. */
export function readTypeIndex(r: ByteReader, types: readonly DefinedType[]): number {
  return readIndexOf(r, types, "type");
}

/** Reads a function type's index and returns the function type it names. */
export function readFuncTypeIndex(r: ByteReader, types: readonly DefinedType[]): FuncType {
  const at = r.position;
  const index = readTypeIndex(r, types);
  return funcTypeOf(r, types[index] as DefinedType, index, at);
}

/** Reads an index into `space` and returns it; `what` names the index space. */
export function readIndexOf(r: ByteReader, space: readonly unknown[], what: string): number {
  const at = r.position;
  const index = r.u32();
  if (space[index] === undefined) throw r.error(`unknown ${what} ${index}`, at);
  return index;
}

/**
 * Reads limits whose flags byte (bit 0: a maximum follows, bit 2: 64-bit) was read: 32-bit
 * values, or 64-bit ones for a 64-bit memory or table (refused above 2^53 - 1 as an
 * implementation limit: a number would no longer be exact, and engines refuse far less).
 */
function readLimits(r: ByteReader, flags: number): { min: number; max?: number; address?: "i64" } {
  const wide = (flags & 0x04) !== 0;
  const read = (): number => {
    if (!wide) return r.u32();
    const at = r.position;
    const value = r.u64();
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw r.error(`limit ${value} is larger than the implementation limit (2^53 - 1)`, at);
    }
    return Number(value);
  };
  const min = read();
  const limits = flags & 1 ? { min, max: read() } : { min };
  return wide ? { ...limits, address: "i64" } : limits;
}

/** Reads a table type: its element reference type and limits (64-bit ones included). */
export function readTableType(r: ByteReader, space: TypeSpace): TableType {
  const element = readRefType(r, space);
  const at = r.position;
  const flags = r.u8();
  if ((flags & ~0x05) !== 0)
    throw r.error(`malformed table limits flags 0x${flags.toString(16)}`, at);
  return Object.freeze({ element, ...readLimits(r, flags) });
}

/** Reads a memory type (shared and 64-bit memories included). */
export function readMemoryType(r: ByteReader): MemoryType {
  const at = r.position;
  const flags = r.u8();
  if (flags > 0x07) throw r.error(`malformed memory limits flags 0x${flags.toString(16)}`, at);
  return Object.freeze({ ...readLimits(r, flags), shared: (flags & 0x02) !== 0 });
}

/** Reads a global type. */
export function readGlobalType(r: ByteReader, space: TypeSpace): GlobalType {
  const content = readValType(r, space);
  return Object.freeze({ content, mutable: readMutability(r) });
}
