/**
 * `value`, frozen, with a `toString` that gives `text` (its type in the WebAssembly text format):
 * `String(type)` then reads `(memory 1 2)` rather than `[object Object]`. The method is not
 * enumerable, so the object's fields (and comparisons of them) stay as they were.
 */
export function withWatText<T extends object>(value: T, text: string): Readonly<T> {
  Object.defineProperty(value, "toString", { value: () => text });
  return Object.freeze(value);
}
