export { parseF32, parseF64 } from "./float-literal.js";
export { type IntWidth, parseIntLiteral, parseNatLiteral } from "./int-literal.js";
export { parseWast } from "./parse-wast.js";
export { quotedModuleText } from "./quoted-module-text.js";
export { readResult, readValue } from "./read-value.js";
export {
  headOf,
  isAtom,
  readSExpressions,
  type SAtom,
  type SExpr,
  type SList,
  type SourceSpan,
  type SString,
} from "./s-expression.js";
export { decodeStringLiteral } from "./string-literal.js";
export type * from "./wast-command.js";
export { type Token, type TokenKind, WastLexer } from "./wast-lexer.js";
export { WastSyntaxError } from "./wast-syntax-error.js";
export * from "./wast-value.js";
