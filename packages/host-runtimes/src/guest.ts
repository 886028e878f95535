export { fetchBytes, fetchJson, fetchText } from "./guest/fetch-file.js";
export { guestRuntime } from "./guest/guest-runtime.js";
export { runAsGuest } from "./guest/run-as-guest.js";
export { sendMessage } from "./guest/send-message.js";
