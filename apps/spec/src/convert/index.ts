export { type Assemble, type ConvertedScript, convertScript } from "./convert-script.js";
export { convertSuite, scriptName, wastScripts } from "./convert-suite.js";
export { prepareSuite } from "./prepare-suite.js";
