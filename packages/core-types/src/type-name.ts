/**
 * A short name for the type of a JavaScript value, for error messages: a `Val` gives its wasm
 * type (`i32`), an object its class name, anything else its `typeof`.
 */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") {
    const type = (value as { type?: unknown }).type;
    if (typeof type === "string" && "lo" in value) return type;
    return (value as object).constructor?.name ?? "object";
  }
  return typeof value;
}
