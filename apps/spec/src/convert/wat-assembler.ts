import { watToWasm } from "@wasmcall/wat";
import binaryen from "binaryen";

/**
 * The text assemblers of the 3.0 suite: wasm-tools' `wat` parser (through `@wasmcall/wat`,
 * which users compile text with too), which knows every 3.0 feature and is strict about the
 * text, and binaryen's `parseText`, for the well-formed modules wasm-tools cannot read (the
 * legacy exception instructions `try`/`catch`/`delegate`). Neither validates, so invalid
 * modules assemble and reach the engine.
 */
export const ASSEMBLER = "wasm-tools (@wasmcall/wat), binaryen 130";

/**
 * The bidirectional-formatting (and deprecated formatting) characters, which wasm-tools
 * refuses anywhere in the text as confusing, though the text format allows them in strings.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u206f]/gu;

/**
 * The binary module of the text-format module `text`, by wasm-tools. When it refuses the
 * text and the script says it is `wellFormed` (no `assert_malformed`): by wasm-tools again
 * with bidirectional-formatting characters written as escapes (`\u{202e}`), else by binaryen.
 *
 * @throws {Error} (as a rejection) the parsers' messages when they refuse the text.
 */
export async function assembleWat(text: string, wellFormed: boolean): Promise<Uint8Array> {
  try {
    return await watToWasm(text);
  } catch (error) {
    const strict = error instanceof Error ? error.message : String(error);
    if (!wellFormed) throw new Error(strict);
    const escaped = text.replace(BIDI, (c) => `\\u{${(c.codePointAt(0) as number).toString(16)}}`);
    if (escaped !== text) return assembleWat(escaped, wellFormed);
    try {
      return binaryenAssemble(text);
    } catch (lenient) {
      const message = (lenient as { message?: unknown } | null)?.message;
      throw new Error(`wasm-tools: ${strict}; binaryen: ${String(message ?? lenient)}`);
    }
  }
}

function binaryenAssemble(text: string): Uint8Array {
  const module = binaryen.parseText(text);
  try {
    module.setFeatures(binaryen.Features.All);
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}
