/** What {@link runGuest} runs, and how. */
export interface RunGuestOptions {
  /** The guest bundle: an absolute path to an ESM script that calls `runAsGuest`. */
  readonly script: string;
  /** Any JSON value, handed to the guest's `main`. @default null */
  readonly args?: unknown;
  /**
   * URL prefixes mapped to directories the guest may read (read-only) with `fetchBytes`,
   * `fetchJson` and `fetchText`, e.g. `{ "/spec/": "/data/wasm-spec-2.0" }`.
   */
  readonly mounts?: Readonly<Record<string, string>>;
  /**
   * How long the run may take once the runtime is installed, the runtime's start-up included.
   * @default 120000
   */
  readonly timeoutMs?: number;
  /**
   * How long the guest may go without progress before the run fails (`stalled`), counted from
   * the start of its process or its browser (a slow browser launch is bounded by `timeoutMs`
   * only). Progress is anything the guest does that the host sees: a request to the server (a
   * file fetched, a message sent), an output line. @default 30000
   */
  readonly stallMs?: number;
  /** Receives every `sendMessage` of the guest, in order, as it arrives. */
  readonly onMessage?: (message: unknown) => void;
  /**
   * Gives the guest a `globalThis.gc` where the runtime can: Node `--expose-gc`, Deno
   * `--v8-flags=--expose-gc`, Bun `Bun.gc(true)`, Chromium `--js-flags=--expose-gc`; Firefox
   * has none. @default false
   */
  readonly exposeGc?: boolean;
}

/** What a guest run gives back. */
export interface GuestRun {
  /** The value the guest's `main` returned (as JSON carried it; `undefined` became `null`). */
  readonly result: unknown;
  /** The runtime's version, as `ensureRuntime` reports it. */
  readonly version: string;
  /**
   * What the guest printed: stdout lines as they are and stderr lines after `stderr: ` in
   * process runtimes; `<type>: <text>` per console message in browsers.
   */
  readonly logs: readonly string[];
}
