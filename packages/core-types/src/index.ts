export type { CallStrategy } from "./call-strategy.js";
export type { Caller } from "./caller.js";
export type {
  ArrayType,
  CompositeType,
  DefinedType,
  FieldType,
  FuncComposite,
  StorageType,
  StructType,
} from "./defined-type.js";
export { ArityMismatchError } from "./errors/arity-mismatch-error.js";
export { CompileError } from "./errors/compile-error.js";
export type { ExportKind } from "./errors/export-not-found-error.js";
export { ExportNotFoundError } from "./errors/export-not-found-error.js";
export { LinkError } from "./errors/link-error.js";
export { StoreMismatchError } from "./errors/store-mismatch-error.js";
export type { TrapCode } from "./errors/trap.js";
export { TRAP_MESSAGES, Trap } from "./errors/trap.js";
export { TypeMismatchError } from "./errors/type-mismatch-error.js";
export { UnsupportedFeatureError } from "./errors/unsupported-feature-error.js";
export { ValueRangeError } from "./errors/value-range-error.js";
export type { ErrorCode } from "./errors/wasmcall-error.js";
export { WasmcallError } from "./errors/wasmcall-error.js";
export type { FuncHandle } from "./func-handle.js";
export { FuncType } from "./func-type.js";
export type { AbstractHeapType } from "./heap-type.js";
export { ABSTRACT_HEAP_TYPES, isAbstractHeapType, topOf } from "./heap-type.js";
export type { RefTest } from "./ref-test.js";
export { refTest } from "./ref-test.js";
export { SLOT_SIZE, slotBytes } from "./slot-layout.js";
export { abstractOf, isHeapSubtype, isSubtype } from "./subtype.js";
export { typeName } from "./type-name.js";
export type { DraftComposite, DraftField, DraftType, TypeDraft } from "./type-registry.js";
export { definedType, recGroupOf, registerRecGroup } from "./type-registry.js";
export type { TypeSection } from "./type-section.js";
export { encodeComposite, encodeHeapType, encodeValType, typeSection } from "./type-section.js";
export { V128 } from "./v128.js";
export { Val } from "./val.js";
export type { NumType, RefShorthand, RefType, ValType } from "./val-type.js";
export { isRefType, isValType, refParts, refType, VAL_TYPES } from "./val-type.js";
