import type { SString } from "./s-expression.js";
import { decodeStringLiteral } from "./string-literal.js";
import { utf8Text } from "./utf8-text.js";
import { WastSyntaxError } from "./wast-syntax-error.js";

/**
 * The bytes the string literal `node` stands for.
 *
 * @throws {WastSyntaxError} for a malformed literal (a bad escape).
 */
export function stringBytes(node: SString): Uint8Array {
  try {
    return decodeStringLiteral(node.raw);
  } catch (error) {
    throw new WastSyntaxError((error as Error).message, node.line, node.column);
  }
}

/**
 * The text the string literal `node` stands for: a name, which must be UTF-8.
 *
 * @throws {WastSyntaxError} for a malformed literal or bytes that are not UTF-8.
 */
export function stringText(node: SString): string {
  const text = utf8Text(stringBytes(node));
  if (text === undefined) {
    throw new WastSyntaxError("malformed UTF-8 encoding", node.line, node.column);
  }
  return text;
}
