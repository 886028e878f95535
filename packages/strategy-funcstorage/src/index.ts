export type { ResultSink } from "./call-with-storage.js";
export { callWithStorage } from "./call-with-storage.js";
export { FuncStorage } from "./func-storage.js";
export { strategy } from "./strategy.js";
