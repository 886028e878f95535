export type { EngineName, RuntimeInfo } from "./runtime-info.js";
export { runtimeInfo } from "./runtime-info.js";
export type { BrowserName, RuntimeName } from "./runtime-name.js";
export { isRuntimeName, parseRuntimeList, RUNTIME_NAMES } from "./runtime-name.js";
