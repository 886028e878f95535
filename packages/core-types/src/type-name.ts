import { Val } from "./val.js";

/**
 * A short name for the type of a JavaScript value, for error messages: a `Val` gives its wasm
 * type (`i32`), another object its class name, anything else its `typeof`. An object that
 * looks like a `Val` but is not one says which: a `Val` of another copy of the package (its ES
 * module and CommonJS builds loaded together), or a forged one.
 */
export function typeName(value: unknown): string {
  if (value === null) return "null";
  const type = Val.typeOf(value);
  if (type !== undefined) return type;
  if (value instanceof Val)
    return "an object made to look like a Val (not made by Val's constructors)";
  if (typeof value === "object") {
    const name = (value as object).constructor?.name ?? "object";
    if (name === "Val") {
      return "a Val of another copy of @wasmcall/core-types (are its ES module and CommonJS builds both loaded? use one of them)";
    }
    return name;
  }
  return typeof value;
}
