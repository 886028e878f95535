import { TRAP_MESSAGES, Trap, type TrapCode } from "@wasmcall/core-types";

/**
 * Tells whether a trap with `code` is the trap the spec text `text` names: one of the code's
 * {@link TRAP_MESSAGES} must begin `text` (the suite sometimes appends detail, as in
 * "uninitialized element 2").
 */
export function trapCodeMatches(code: TrapCode, text: string): boolean {
  return TRAP_MESSAGES[code].some((message) => text.startsWith(message));
}

/** Tells whether `error` is a {@link Trap} whose code matches the spec text `text`. */
export function isTrapFor(error: unknown, text: string): boolean {
  return error instanceof Trap && trapCodeMatches(error.trapCode, text);
}
