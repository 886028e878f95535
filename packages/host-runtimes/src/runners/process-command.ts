import { EXPOSE_GC_VARIABLE, HOST_URL_VARIABLE } from "../guest/host-url.js";
import type { RuntimeName } from "../runtime-name.js";

/** A command line and environment that start a guest script. */
export interface ProcessCommand {
  /** The executable. */
  readonly command: string;
  /** Its arguments, the script last. */
  readonly args: readonly string[];
  /** Its environment. */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The command that runs `script` in process runtime `name` with the executable `executable`,
 * told the host's `url` through `WASMCALL_GUEST_URL`. The host's `NODE_OPTIONS` is not passed
 * on (its flags are for the host's Node, not the guest's runtime). Deno runs with every
 * permission (`-A`) and no config file lookup.
 */
export function processCommand(
  name: Exclude<RuntimeName, "chromium" | "firefox">,
  executable: string,
  script: string,
  url: string,
  exposeGc: boolean,
): ProcessCommand {
  const { NODE_OPTIONS: _hostNodeOptions, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    [HOST_URL_VARIABLE]: url,
    NO_COLOR: "1",
    DENO_NO_UPDATE_CHECK: "1",
  };
  if (exposeGc) env[EXPOSE_GC_VARIABLE] = "1";
  if (name === "deno") {
    const gc = exposeGc ? ["--v8-flags=--expose-gc"] : [];
    return { command: executable, args: ["run", "-A", "--no-config", ...gc, script], env };
  }
  if (name === "bun") return { command: executable, args: [script], env };
  return { command: executable, args: [...(exposeGc ? ["--expose-gc"] : []), script], env };
}
