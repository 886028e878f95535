import { ALL_FEATURES, type EnabledFeatures } from "../features.js";
import { ByteReader } from "./byte-reader.js";
import type { ModuleInfo } from "./module-info.js";
import { ModuleReader } from "./module-reader.js";

/**
 * Reads a whole WebAssembly binary and returns its types, imports and exports (see
 * {@link ModuleReader} for what is read and checked).
 *
 * Custom sections are checked to have a well-formed name; sections that no switched-off
 * feature needs checked are only checked to be well-framed (known id, in order, within the
 * bytes).
 *
 * @param features The features allowed: every one by default.
 * @throws {CompileError} when the bytes do not decode, or use a feature that is off, with the
 * offset of the first bad byte.
 *
 * @example
 * ```ts
 * const info = readModule(bytes);
 * for (const e of info.exports) console.log(e.name, e.type.kind);
 * ```
 */
export function readModule(
  bytes: Uint8Array,
  features: EnabledFeatures = ALL_FEATURES,
): ModuleInfo {
  const r = new ByteReader(bytes);
  const reader = new ModuleReader(features);
  reader.header(r);
  while (!r.atEnd()) {
    const start = r.position;
    const id = r.u8();
    const sizeAt = r.position;
    const size = r.u32();
    if (size > r.remaining) {
      throw r.error(`section of ${size} bytes exceeds the ${r.remaining} bytes left`, sizeAt);
    }
    const s = r.window(size);
    reader.enter(id, r, start);
    if (id === 0) s.name();
    else if (reader.wants(id)) reader.read(id, s);
  }
  return reader.finish();
}
