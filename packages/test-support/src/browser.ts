// What bundles for runtimes other than Node get (the package's `browser` export condition):
// everything but the Node-only README runners.
export { GC_MODULE, GC_SUPPORTED } from "./gc-module.js";
export { SUBTYPED_FUNCS_MODULE } from "./subtyped-funcs-module.js";
export { WASM3_MODULE } from "./wasm3-module.js";
export type { WatFeatures, WatOptions } from "./wat.js";
export { wat } from "./wat.js";
