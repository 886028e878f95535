/**
 * The type of a WebAssembly value: the four number types, the 128-bit vector type and the two
 * reference types.
 *
 * @example
 * ```ts
 * const t: ValType = "i64";
 * isValType("i64"); // true
 * ```
 */
export type ValType = "i32" | "i64" | "f32" | "f64" | "v128" | "funcref" | "externref";

/** Every {@link ValType}, in the order of their binary encodings (i32 first). */
export const VAL_TYPES: readonly ValType[] = Object.freeze([
  "i32",
  "i64",
  "f32",
  "f64",
  "v128",
  "funcref",
  "externref",
]);

/** The reference types, whose values live outside linear memory. */
export type RefType = "funcref" | "externref";

/** Tells whether `value` names a {@link ValType}. */
export function isValType(value: unknown): value is ValType {
  return typeof value === "string" && (VAL_TYPES as readonly string[]).includes(value);
}

/** Tells whether `type` is a reference type (`funcref` or `externref`). */
export function isRefType(type: ValType): type is RefType {
  return type === "funcref" || type === "externref";
}
