import type { Readable } from "node:stream";

/** Hands each line `stream` yields to `onLine`, after `prefix`. */
export function collectLines(
  stream: Readable,
  onLine: (line: string) => void,
  prefix: string,
): void {
  let partial = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    for (const line of parts) onLine(prefix + line);
  });
  stream.on("end", () => {
    if (partial !== "") onLine(prefix + partial);
  });
}
