import { CompileError } from "@wasmcall/core-types";
import type { ExportType } from "../extern-type.js";
import { ByteReader } from "./byte-reader.js";
import { ByteWriter } from "./byte-writer.js";
import type { ModuleInfo } from "./module-info.js";
import { SECTION } from "./wasm-encoding.js";

const FUNC_KIND = 0x00;

/**
 * The ids of the sections that come after the export section: start, element, data count,
 * code, data. A module without an export section gets one before the first of them.
 */
export const AFTER_EXPORT: ReadonlySet<number> = new Set([
  SECTION.start,
  SECTION.element,
  SECTION.dataCount,
  SECTION.code,
  SECTION.data,
]);

/**
 * Returns a copy of a module whose export section also exports every function, imported and
 * defined, under the name `${prefix}${index}`.
 *
 * The original exports come first, in order, then the added ones by index. A module without an
 * export section gets one where the binary format wants it: after the global section, before
 * the start, element, data count, code and data sections. Instantiating the copy gives a
 * JavaScript function object for every function index; since the JS API returns the same
 * object for the same function, these identify the functions that reach the host as funcrefs.
 *
 * @param bytes The module's binary.
 * @param info What `readModule` returned for `bytes`.
 * @param prefix The start of the added export names.
 * @throws {CompileError} when an existing export already has one of the added names.
 *
 * @example
 * ```ts
 * const augmented = exportAllFunctions(bytes, readModule(bytes), "__wasmcall_func_");
 * const instance = new WebAssembly.Instance(new WebAssembly.Module(augmented), imports);
 * instance.exports.__wasmcall_func_0; // the function of index 0
 * ```
 */
export function exportAllFunctions(
  bytes: Uint8Array,
  info: ModuleInfo,
  prefix: string,
): Uint8Array<ArrayBuffer> {
  let start: number;
  let end: number;
  let content: Uint8Array | undefined;
  if (info.exportSection) {
    ({ start, end } = info.exportSection);
    const r = new ByteReader(bytes, start, end);
    if (r.u8() !== SECTION.export) throw r.error("no export section here", start);
    r.u32();
    content = r.bytes(r.remaining);
  } else {
    start = end = exportSectionPlace(bytes);
  }
  const section = exportSectionWithAll(info.funcTypes.length, info.exports, prefix, content);
  const out = new Uint8Array(start + section.length + (bytes.length - end));
  out.set(bytes.subarray(0, start), 0);
  out.set(section, start);
  out.set(bytes.subarray(end), start + section.length);
  return out;
}

/**
 * The whole export section (id, size, content) of a module of `funcCount` functions whose
 * export section has `content` (its vector of exports, `exports` read from it), or none when
 * `content` is undefined, with every function also exported as `${prefix}${index}`.
 *
 * @throws {CompileError} when an existing export already has one of the added names.
 */
export function exportSectionWithAll(
  funcCount: number,
  exports: readonly ExportType[],
  prefix: string,
  content: Uint8Array | undefined,
): Uint8Array {
  for (const { name } of exports) {
    const rest = name.startsWith(prefix) ? name.slice(prefix.length) : "";
    if (/^(0|[1-9][0-9]*)$/.test(rest) && Number(rest) < funcCount) {
      throw new CompileError(
        `export "${name}" collides with the names "${prefix}<index>" reserved for functions`,
      );
    }
  }
  let originalCount = 0;
  let entries: Uint8Array = new Uint8Array(0);
  if (content !== undefined) {
    const r = new ByteReader(content);
    originalCount = r.u32();
    entries = r.bytes(r.remaining);
  }
  return new ByteWriter()
    .section(SECTION.export, (w) => {
      w.u32(originalCount + funcCount).bytes(entries);
      for (let i = 0; i < funcCount; i++) w.name(`${prefix}${i}`).byte(FUNC_KIND).u32(i);
    })
    .finish();
}

/** The offset where a module without an export section must get one. */
function exportSectionPlace(bytes: Uint8Array): number {
  const r = new ByteReader(bytes, 8);
  while (!r.atEnd()) {
    const start = r.position;
    const id = r.u8();
    if (AFTER_EXPORT.has(id)) return start;
    r.skip(r.u32());
  }
  return r.position;
}
