import type { Readable } from "node:stream";

/** Appends each line `stream` yields to `lines`, after `prefix`. */
export function collectLines(stream: Readable, lines: string[], prefix: string): void {
  let partial = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    for (const line of parts) lines.push(prefix + line);
  });
  stream.on("end", () => {
    if (partial !== "") lines.push(prefix + partial);
  });
}
