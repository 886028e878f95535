import type { EnabledFeatures } from "../features.js";
import type { ByteReader } from "./byte-reader.js";
import { IMMEDIATES, valType } from "./instruction-immediates.js";

/**
 * Walks the instructions of every function body of a code section (`r` is a window over its
 * content), skipping their immediates and checking the encodings that `features` forbids (the
 * reserved bytes and memory indices of memory instructions when multiple memories are off; the
 * instructions and types of garbage collection, exceptions, tail calls and relaxed SIMD when
 * they are off).
 *
 * Only instructions are decoded: types and stack shapes are the engine's to check. A body is
 * walked up to the first instruction of a proposal after WebAssembly 3.0 (threads): the rest
 * of that body is left to the engine, which accepts or refuses the proposal itself.
 *
 * @throws {CompileError} for a forbidden encoding ("zero byte expected", "alignment must not be
 * larger than natural", "illegal opcode", "malformed value type"), or when a body does not
 * decode.
 */
export function checkCode(r: ByteReader, features: EnabledFeatures): void {
  const bodies = r.count("function bodies");
  for (let i = 0; i < bodies; i++) {
    const sizeAt = r.position;
    const size = r.u32();
    if (size > r.remaining) {
      throw r.error(`function body of ${size} bytes exceeds the ${r.remaining} bytes left`, sizeAt);
    }
    checkBody(r.window(size), features);
  }
  r.expectEnd("code section");
}

function checkBody(r: ByteReader, features: EnabledFeatures): void {
  const groups = r.count("local declarations");
  for (let i = 0; i < groups; i++) {
    r.u32();
    if (!valType(r, features)) return;
  }
  while (!r.atEnd()) {
    const immediates = IMMEDIATES[r.u8()];
    if (immediates === undefined || !immediates(r, features)) return;
  }
}
