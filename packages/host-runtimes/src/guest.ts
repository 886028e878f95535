export { fetchBundle } from "./guest/fetch-bundle.js";
export { fetchBytes, fetchJson, fetchText } from "./guest/fetch-file.js";
export { guestRuntime } from "./guest/guest-runtime.js";
export { runAsGuest } from "./guest/run-as-guest.js";
export { sendMessage } from "./guest/send-message.js";
export type { GuestCounts, GuestFailure, GuestSuiteResult } from "./guest/suite-result.js";
export { MAX_FAILURES } from "./guest/suite-result.js";
