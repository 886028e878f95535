import { UnsupportedFeatureError, type ValType } from "@wasmcall/core-types";

/**
 * The reference types the JavaScript API makes globals and tables of by name: `funcref`
 * (`"anyfunc"`) and `externref`, and with garbage collection `anyref`, `eqref`, `i31ref`,
 * `structref` and `arrayref`. A defined type, a non-nullable type or a bottom type has no name
 * there.
 */
const JS_API_NAMES: ReadonlyMap<ValType, string> = new Map<ValType, string>([
  ["funcref", "anyfunc"],
  ["externref", "externref"],
  ["anyref", "anyref"],
  ["eqref", "eqref"],
  ["i31ref", "i31ref"],
  ["structref", "structref"],
  ["arrayref", "arrayref"],
]);

/** The names {@link jsApiRefName} knows, for error messages: `funcref, externref, ...`. */
export const JS_API_REF_TYPES: string = [...JS_API_NAMES.keys()].join(", ");

/** The JavaScript API's name of reference type `type`, or undefined when it has none. */
export function jsApiRefName(type: ValType): string | undefined {
  return JS_API_NAMES.get(type);
}

/**
 * `make()`, the JavaScript API making a global or table of reference type `type`: its
 * `TypeError` for a type of garbage collection becomes the `UnsupportedFeatureError` of an
 * engine without it (`subject` says what was being made).
 *
 * @throws {UnsupportedFeatureError} for a GC reference type the engine does not know.
 */
export function withGcTypes<T>(subject: string, type: ValType, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof TypeError && type !== "funcref" && type !== "externref") {
      throw new UnsupportedFeatureError(
        subject,
        "garbage collection",
        `${type}: ${error.message}`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}
