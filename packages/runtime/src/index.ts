export type { ByteSource } from "./byte-source.js";
export { isForeignFuncref, isValOf, resultsFit } from "./call/arg-tests.js";
export type { BoundCall, PlannedCall } from "./call/call-plan.js";
export { CallPlan } from "./call/call-plan.js";
export { checkArgs, checkCall, checkOwner, checkResults } from "./call/check-call.js";
export { isNaNVal, jsOfVal, putJsResult } from "./call/js-values.js";
export type { ScratchLender } from "./call/scratch-lender.js";
export type { EngineOptions } from "./engine.js";
export { Engine } from "./engine.js";
export type { Extern } from "./extern.js";
export { externTypeOf } from "./extern.js";
export type {
  ExportType,
  ExternType,
  GlobalType,
  ImportType,
  Limits,
  MemoryType,
  TableType,
  TagType,
} from "./extern-type.js";
export { externTypeText } from "./extern-type-text.js";
export type { EnabledFeatures, Features } from "./features.js";
export { WEBASSEMBLY_2_0 } from "./features.js";
export type { HostCallback } from "./func.js";
export { Func } from "./func.js";
export { Global } from "./global.js";
export { hostFuncName } from "./host-name.js";
export { Instance } from "./instance.js";
export { Linker } from "./linker.js";
export { MAX_PAGES, Memory, PAGE_SIZE } from "./memory.js";
export type { ModuleBytes } from "./module.js";
export { Module } from "./module.js";
export { checkSignatureLimits } from "./signature-limits.js";
export { Slots } from "./slots.js";
export { Store } from "./store.js";
export { MAX_TABLE_ELEMENTS, Table } from "./table.js";
export { Tag } from "./tag.js";
export { trapCodeOf, trapFromError } from "./trap-from-error.js";
export { WasmException } from "./wasm-exception.js";
