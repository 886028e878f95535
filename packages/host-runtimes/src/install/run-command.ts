import { spawn } from "node:child_process";

/** How a command ended. */
export interface CommandResult {
  /** The exit code (`null` when a signal ended it). */
  readonly code: number | null;
  /** Its standard output and error, interleaved as they came. */
  readonly output: string;
}

/**
 * Runs `command` with `args` to its end, collecting its output.
 *
 * @throws {Error} (the promise rejects) only when the command cannot be started at all.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

/** The last `count` lines of `text`, for error messages. */
export function lastLines(text: string, count = 10): string {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}
