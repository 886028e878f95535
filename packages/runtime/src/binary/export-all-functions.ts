import { CompileError } from "@wasmcall/core-types";
import { ByteReader } from "./byte-reader.js";
import { ByteWriter } from "./byte-writer.js";
import type { ModuleInfo } from "./read-module.js";

const EXPORT_SECTION = 7;
const FUNC_KIND = 0x00;

/** The ids of the sections after the export section: start, element, data count, code, data. */
const AFTER_EXPORT = new Set([8, 9, 12, 10, 11]);

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
  const count = info.funcTypes.length;
  for (const { name } of info.exports) {
    const rest = name.startsWith(prefix) ? name.slice(prefix.length) : "";
    if (/^(0|[1-9][0-9]*)$/.test(rest) && Number(rest) < count) {
      throw new CompileError(
        `export "${name}" collides with the names "${prefix}<index>" reserved for functions`,
      );
    }
  }

  let start: number;
  let end: number;
  let originalCount = 0;
  let originalEntries: Uint8Array = new Uint8Array(0);
  if (info.exportSection) {
    ({ start, end } = info.exportSection);
    const r = new ByteReader(bytes, start, end);
    if (r.u8() !== EXPORT_SECTION) throw r.error("no export section here", start);
    r.u32();
    originalCount = r.u32();
    originalEntries = r.bytes(r.remaining);
  } else {
    start = end = exportSectionPlace(bytes);
  }

  const section = new ByteWriter()
    .section(EXPORT_SECTION, (w) => {
      w.u32(originalCount + count).bytes(originalEntries);
      for (let i = 0; i < count; i++) w.name(`${prefix}${i}`).byte(FUNC_KIND).u32(i);
    })
    .finish();

  const out = new Uint8Array(start + section.length + (bytes.length - end));
  out.set(bytes.subarray(0, start), 0);
  out.set(section, start);
  out.set(bytes.subarray(end), start + section.length);
  return out;
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
