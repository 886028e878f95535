import { FuncType, type RefType, type ValType } from "@wasmcall/core-types";
import type { GlobalType, MemoryType, TableType } from "../extern-type.js";
import type { ByteReader } from "./byte-reader.js";

/** The value types of WebAssembly 2.0, by their one-byte code. */
export const VAL_TYPE_CODES: ReadonlyMap<number, ValType> = new Map<number, ValType>([
  [0x7f, "i32"],
  [0x7e, "i64"],
  [0x7d, "f32"],
  [0x7c, "f64"],
  [0x7b, "v128"],
  [0x70, "funcref"],
  [0x6f, "externref"],
]);

/** Reads a vector: its count, then `count` items through `item`; `what` names the items. */
export function readVec(r: ByteReader, what: string, item: () => void): void {
  const n = r.count(what);
  for (let i = 0; i < n; i++) item();
}

/** Reads a value type. */
export function readValType(r: ByteReader): ValType {
  const at = r.position;
  const code = r.u8();
  const type = VAL_TYPE_CODES.get(code);
  if (type === undefined) throw r.error(`malformed value type 0x${code.toString(16)}`, at);
  return type;
}

/** Reads a reference type. */
export function readRefType(r: ByteReader): RefType {
  const at = r.position;
  const type = readValType(r);
  if (type !== "funcref" && type !== "externref") {
    throw r.error(`malformed reference type ${type}`, at);
  }
  return type;
}

/** Reads a function type (form 0x60, parameters, results). */
export function readFuncType(r: ByteReader): FuncType {
  const at = r.position;
  const form = r.u8();
  if (form !== 0x60) throw r.error(`unsupported type form 0x${form.toString(16)}`, at);
  const params: ValType[] = [];
  readVec(r, "parameter types", () => params.push(readValType(r)));
  const results: ValType[] = [];
  readVec(r, "result types", () => results.push(readValType(r)));
  return new FuncType(params, results);
}

/** Reads an index into `space` and returns it; `what` names the index space. */
export function readIndexOf(r: ByteReader, space: readonly unknown[], what: string): number {
  const at = r.position;
  const index = r.u32();
  if (space[index] === undefined) throw r.error(`unknown ${what} ${index}`, at);
  return index;
}

function readLimits(r: ByteReader, flags: number): { min: number; max?: number } {
  const min = r.u32();
  return flags & 1 ? { min, max: r.u32() } : { min };
}

/** Reads a table type. */
export function readTableType(r: ByteReader): TableType {
  const element = readRefType(r);
  const at = r.position;
  const flags = r.u8();
  if (flags > 0x01) throw r.error(`unsupported table limits flags 0x${flags.toString(16)}`, at);
  return Object.freeze({ element, ...readLimits(r, flags) });
}

/** Reads a memory type (shared memories included). */
export function readMemoryType(r: ByteReader): MemoryType {
  const at = r.position;
  const flags = r.u8();
  if (flags > 0x03) throw r.error(`unsupported memory limits flags 0x${flags.toString(16)}`, at);
  return Object.freeze({ ...readLimits(r, flags), shared: (flags & 0x02) !== 0 });
}

/** Reads a global type. */
export function readGlobalType(r: ByteReader): GlobalType {
  const content = readValType(r);
  const at = r.position;
  const mut = r.u8();
  if (mut > 0x01) throw r.error(`malformed mutability 0x${mut.toString(16)}`, at);
  return Object.freeze({ content, mutable: mut === 0x01 });
}
