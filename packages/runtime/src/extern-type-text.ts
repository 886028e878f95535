import type { ExternType, Limits } from "./extern-type.js";

/**
 * An extern type in the WebAssembly text format, as error messages print it:
 * `(func (param i32) (result i32))`, `(global (mut f32))`, `(table 1 10 funcref)`,
 * `(memory 1)`, `(memory i64 1)`, `(tag (param i32))`.
 */
export function externTypeText(type: ExternType): string {
  switch (type.kind) {
    case "func":
      return type.type.toWat();
    case "global":
      return type.type.mutable
        ? `(global (mut ${type.type.content}))`
        : `(global ${type.type.content})`;
    case "table":
      return `(table ${limitsText(type.type)} ${type.type.element})`;
    case "memory":
      return `(memory ${limitsText(type.type)}${type.type.shared ? " shared" : ""})`;
    case "tag":
      return `(tag${type.type.type.toWat().slice("(func".length)}`;
  }
}

function limitsText(limits: Limits): string {
  const sizes = limits.max === undefined ? `${limits.min}` : `${limits.min} ${limits.max}`;
  return limits.address === "i64" ? `i64 ${sizes}` : sizes;
}
