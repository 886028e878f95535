export { call } from "./call.js";
export { strategy } from "./strategy.js";
