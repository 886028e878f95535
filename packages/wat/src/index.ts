export { compileWat } from "./compile-wat.js";
export { parserMessage } from "./parser-message.js";
export { watToWasm } from "./wat-to-wasm.js";
