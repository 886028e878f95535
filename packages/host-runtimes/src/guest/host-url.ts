/** The environment variable through which a process runtime's guest learns the host's URL. */
export const HOST_URL_VARIABLE = "WASMCALL_GUEST_URL";

/** The environment variable set to `1` when the host asks for a `globalThis.gc`. */
export const EXPOSE_GC_VARIABLE = "WASMCALL_GUEST_GC";

/** The globals of the runtimes a guest may run in, as far as the guest reads them. */
export interface RuntimeGlobals {
  process?: { env?: Record<string, string | undefined>; exit?(code: number): never };
  Deno?: { env: { get(name: string): string | undefined }; exit(code: number): never };
  location?: { origin: string };
  document?: unknown;
}

/** `globalThis` seen through {@link RuntimeGlobals}. */
export const runtimeGlobals = globalThis as unknown as RuntimeGlobals;

/**
 * Reads an environment variable in Node, Bun or Deno; `undefined` in a browser.
 */
export function environmentVariable(name: string): string | undefined {
  const { Deno, process } = runtimeGlobals;
  if (Deno !== undefined) return Deno.env.get(name);
  return process?.env?.[name];
}

/**
 * The host's base URL (`http://127.0.0.1:PORT`): the page's origin in a browser, the
 * {@link HOST_URL_VARIABLE} environment variable in a process runtime.
 *
 * @throws {Error} when neither is there (the script was not started by `runGuest`).
 */
export function hostUrl(): string {
  if (runtimeGlobals.document !== undefined && runtimeGlobals.location !== undefined) {
    return runtimeGlobals.location.origin;
  }
  const url = environmentVariable(HOST_URL_VARIABLE);
  if (url === undefined || url === "") {
    throw new Error(`no host to talk to: ${HOST_URL_VARIABLE} is not set (start it with runGuest)`);
  }
  return url;
}
