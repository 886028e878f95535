export type {
  ExpectedOutput,
  ReadmeExample,
  RunReadmeExampleOptions,
} from "./readme-example.js";
export { readmeExample, runReadmeExample } from "./readme-example.js";
export type { WatFeatures, WatOptions } from "./wat.js";
export { wat } from "./wat.js";
