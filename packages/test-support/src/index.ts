export { GC_MODULE, GC_SUPPORTED } from "./gc-module.js";
export type {
  ExpectedOutput,
  ReadmeExample,
  RunReadmeExampleOptions,
} from "./readme-example.js";
export { readmeExample, runReadmeExample } from "./readme-example.js";
export type { TypecheckReadmeOptions } from "./readme-typecheck.js";
export { TYPECHECK_TIMEOUT, typecheckReadmeExample } from "./readme-typecheck.js";
export { SUBTYPED_FUNCS_MODULE } from "./subtyped-funcs-module.js";
export { firstTsBlock } from "./ts-block.js";
export { WASM3_MODULE } from "./wasm3-module.js";
export type { WatFeatures, WatOptions } from "./wat.js";
export { wat } from "./wat.js";
