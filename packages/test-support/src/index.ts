export type { WatFeatures, WatOptions } from "./wat.js";
export { wat } from "./wat.js";
