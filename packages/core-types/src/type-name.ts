import { Val } from "./val.js";

/**
 * A short name for the type of a JavaScript value, for error messages: a `Val` gives its wasm
 * type (`i32`), another object its class name, anything else its `typeof`.
 */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (value instanceof Val) return value.type;
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return typeof value;
}
