interface EngineGlobals {
  Deno?: { version: { deno: string; v8: string } };
  Bun?: { version: string };
  process?: { version?: string; versions?: { node?: string; v8?: string } };
  navigator?: { userAgent?: string };
}

/**
 * A one-line description of the runtime and engine running this code, e.g.
 * `Node v20.20.2 (V8 11.3.244.8-node.33)`, `Bun 1.4.5 (JavaScriptCore)`,
 * `Deno 2.9.6 (V8 ...)` or a browser's user agent.
 */
export function guestRuntime(): string {
  const { Deno, Bun, process, navigator } = globalThis as unknown as EngineGlobals;
  if (Deno !== undefined) return `Deno ${Deno.version.deno} (V8 ${Deno.version.v8})`;
  if (Bun !== undefined) return `Bun ${Bun.version} (JavaScriptCore)`;
  if (process?.versions?.node !== undefined) {
    return `Node ${process.version} (V8 ${process.versions.v8})`;
  }
  return navigator?.userAgent ?? "an unknown JavaScript runtime";
}
