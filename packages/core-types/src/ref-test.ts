import { UnsupportedFeatureError } from "./errors/unsupported-feature-error.js";
import { isAbstractHeapType } from "./heap-type.js";
import { encodeHeapType, leb, typeSection } from "./type-section.js";

/** A test of a non-null JavaScript value against one heap type, made by the engine. */
export type RefTest = (value: unknown) => boolean;

/** The tests made so far, by heap type. */
const TESTS = new Map<string, RefTest>();

/**
 * The engine's own test of whether a non-null JavaScript value, passed as an `anyref` (a
 * number of 31 bits becoming an i31, a GC object staying itself, anything else a host
 * reference), is a reference of heap type `heap` of the `any` hierarchy (`eq`, `i31`,
 * `struct`, `array`, or a defined struct or array type): a `ref.test` in a module generated
 * for the type alone, compiled once per type.
 *
 * @throws {UnsupportedFeatureError} when the engine lacks garbage collection (WebAssembly 3.0).
 */
export function refTest(heap: string): RefTest {
  let test = TESTS.get(heap);
  if (test === undefined) {
    test = makeTest(heap);
    TESTS.set(heap, test);
  }
  return test;
}

function makeTest(heap: string): RefTest {
  const types = typeSection(isAbstractHeapType(heap) ? [] : [heap], [
    { params: ["anyref"], results: ["i32"] },
  ]);
  const body = [0, 0x20, 0, 0xfb, 0x14, ...encodeHeapType(heap, types.indexOf), 0x0b];
  const sections: [number, number[]][] = [
    [1, types.bytes],
    [3, [1, ...leb(types.definedCount)]],
    [7, [1, 4, ...[..."test"].map((c) => c.charCodeAt(0)), 0, 0]],
    [10, [1, ...leb(body.length), ...body]],
  ];
  const bytes = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  for (const [id, content] of sections) bytes.push(id, ...leb(content.length), ...content);
  let instance: WebAssembly.Instance;
  try {
    instance = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(bytes)));
  } catch (cause) {
    throw new UnsupportedFeatureError(
      "a reference value test",
      "garbage collection (WebAssembly 3.0)",
      String(cause),
      { cause },
    );
  }
  const test = instance.exports.test as (value: unknown) => number;
  return (value) => test(value) === 1;
}
