/** A time in ns, to three significant figures or so: `0.84`, `3.21`, `45.2`, `1234`. */
export function formatNs(ns: number): string {
  if (ns < 10) return ns.toFixed(2);
  if (ns < 100) return ns.toFixed(1);
  return ns.toFixed(0);
}

/** A ratio: `1.05x`, `12.3x`, or `-` when there is none. */
export function formatRatio(ratio: number | null): string {
  if (ratio === null) return "-";
  return ratio < 10 ? `${ratio.toFixed(2)}x` : `${ratio.toFixed(1)}x`;
}

/** Bytes per call, to 0.1 byte: `0`, `40.0`, or `n/a` where the runtime cannot measure them. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "n/a";
  return bytes === 0 ? "0" : bytes.toFixed(1);
}
