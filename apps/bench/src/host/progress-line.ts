import { summarize } from "../measure/timing.js";
import type { PassMessage } from "../pass.js";
import { formatBytes, formatNs } from "../report/format.js";

/** One contestant of one pass as a progress line: its name, ns per call, bytes per call. */
export function progressLine(message: PassMessage): string {
  if (message.kind === "failed") {
    const f = message.failure;
    return `${f.workload}/${f.strategy}/${f.api}: FAILED ${f.error}`;
  }
  const f = message.figures;
  const name = `${f.workload}/${f.strategy}/${f.api}`.padEnd(44);
  const bytes =
    f.bytesPerCall === undefined ? "" : ` ${formatBytes(f.bytesPerCall).padStart(7)} B/call`;
  return `${name} ${formatNs(summarize(f.samples).p50).padStart(7)} ns/call${bytes}`;
}
