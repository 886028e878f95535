import { spawn } from "node:child_process";

/** What a finished command printed. */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCommand}. */
export interface RunCommandOptions {
  /** The folder the command runs in. */
  readonly cwd: string;
  /** Variables added to (or replacing those of) this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A command that exited with a status other than 0, or could not be started. */
export class CommandError extends Error {
  constructor(
    /** The command line, as run. */
    readonly command: string,
    /** The folder it ran in. */
    readonly cwd: string,
    /** Its exit status, or `null` when it did not start or was killed. */
    readonly status: number | null,
    /** What it printed on stdout and stderr. */
    readonly output: string,
  ) {
    super(`${command} (in ${cwd}) exited with ${status ?? "no status"}:\n${output.trim()}`);
    this.name = "CommandError";
  }
}

/**
 * Runs `command` with `args` (no shell), its output captured.
 *
 * @throws {CommandError} (as a rejection) when it cannot start or exits with a status other
 * than 0; the error holds what it printed.
 *
 * @example
 * ```ts
 * const { stdout } = await runCommand("npm", ["--version"], { cwd: process.cwd() });
 * ```
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<CommandOutput> {
  const line = [command, ...args].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      shell: process.platform === "win32",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", (error) => reject(new CommandError(line, options.cwd, null, String(error))));
    child.on("close", (status) => {
      if (status === 0) resolve({ stdout, stderr });
      else reject(new CommandError(line, options.cwd, status, `${stdout}\n${stderr}`));
    });
  });
}
