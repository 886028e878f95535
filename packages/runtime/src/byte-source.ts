import { TypeMismatchError, typeName, ValueRangeError } from "@wasmcall/core-types";

/** What {@link Memory.write} takes: the bytes of any `ArrayBuffer` view, or an array of bytes. */
export type ByteSource = ArrayBufferView | readonly number[];

/**
 * The bytes of `source` as a `Uint8Array`: a view's own bytes, or an array whose every item is
 * an integer from 0 to 255 (nothing is wrapped or rounded).
 *
 * @throws {TypeMismatchError} when `source` is neither an `ArrayBuffer` view nor an array.
 * @throws {ValueRangeError} naming the first item of an array that is not a byte.
 */
export function bytesOf(subject: string, source: unknown): Uint8Array {
  if (ArrayBuffer.isView(source)) {
    return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  }
  if (!Array.isArray(source)) {
    throw new TypeMismatchError(
      subject,
      "a Uint8Array, another ArrayBuffer view or an array of bytes",
      typeName(source),
    );
  }
  const bytes = new Uint8Array(source.length);
  for (let i = 0; i < source.length; i++) {
    const item: unknown = source[i];
    if (typeof item !== "number" || !Number.isInteger(item) || item < 0 || item > 255) {
      throw new ValueRangeError(`${subject} byte ${i}`, item, "not an integer from 0 to 255");
    }
    bytes[i] = item;
  }
  return bytes;
}
