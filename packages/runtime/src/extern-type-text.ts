import type { ExternType, Limits } from "./extern-type.js";

/**
 * An extern type in the WebAssembly text format, as error messages print it:
 * `(func (param i32) (result i32))`, `(global (mut f32))`, `(table 1 10 funcref)`,
 * `(memory 1)`.
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
  }
}

function limitsText(limits: Limits): string {
  return limits.max === undefined ? `${limits.min}` : `${limits.min} ${limits.max}`;
}
