export type { JsParams, JsResult, JsValueOf } from "./js-type.js";
export { strategy } from "./strategy.js";
export type { TypedFunc } from "./typed-func.js";
export { typed } from "./typed-func.js";
export { typedHost } from "./typed-host.js";
