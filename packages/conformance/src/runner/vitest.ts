// What `vitest` resolves to in the guest bundle: the part of vitest's API the conformance tests
// use, with vitest's semantics, so that the same test files run in any JavaScript runtime.
export { beforeAll, describe, it } from "./collector.js";
export { expect } from "./expect.js";
