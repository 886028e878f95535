import { basename, dirname } from "node:path";
import { GuestError, type GuestFailureKind } from "../errors/guest-error.js";
import type { RuntimeName } from "../runtime-name.js";
import type { RouteRequest } from "../server/route.js";
import { startStaticServer } from "../server/static-server.js";
import type { RunGuestOptions } from "./guest-options.js";
import { guestPage } from "./guest-page.js";
import { type ProgressWatchdog, watchProgress } from "./progress-watchdog.js";

/** One guest run's server and the outcome it waits for. */
export interface GuestSession {
  /** The server's base URL. */
  readonly url: string;
  /** The page a browser opens to run the guest. */
  readonly pageUrl: string;
  /** The guest's result; rejects with a {@link GuestError} on the first failure. */
  readonly outcome: Promise<unknown>;
  /** What the guest printed so far. */
  readonly logs: readonly string[];
  /** Appends a line the guest printed to the logs; it counts as progress. */
  log(line: string): void;
  /**
   * Starts the progress watch, with `what` (e.g. `the browser's start`) as the last thing
   * seen: the runtime's own start-up is bounded by the timeout only.
   */
  started(what: string): void;
  /** Whether a result or a failure has arrived. */
  settled(): boolean;
  /** Fails the run (ignored once it has settled). */
  fail(
    kind: GuestFailureKind,
    message: string,
    details?: { guestStack?: string; cause?: unknown },
  ): void;
  /** Stops the timers and the server. */
  close(): Promise<void>;
}

function parseJson(request: RouteRequest): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(request.body)) as Record<string, unknown>;
}

/** `text` in quotes, as JSON writes a string. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/**
 * Starts the server for one guest run: `/__args` (the args as JSON), `/__message`,
 * `/__result` and `/__failure` (the guest posts JSON), `/__page` (the page that loads the
 * guest script from `/__guest/`, the script's folder), and the caller's mounts. The outcome
 * fails with `timeout` after `timeoutMs`, and, once {@link GuestSession.started}, with
 * `stalled` when `stallMs` pass without a request, a message or an output line, naming the
 * last one seen.
 *
 * @throws the server's error when it cannot listen.
 */
export async function startGuestSession(
  runtime: RuntimeName,
  options: RunGuestOptions,
): Promise<GuestSession> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const stallMs = options.stallMs ?? 30_000;
  const logs: string[] = [];
  let done = false;
  let settle!: { resolve(value: unknown): void; reject(error: GuestError): void };
  const outcome = new Promise<unknown>((resolve, reject) => {
    settle = { resolve, reject };
  });
  outcome.catch(() => undefined);
  const fail: GuestSession["fail"] = (kind, message, details = {}) => {
    if (done) return;
    done = true;
    settle.reject(new GuestError(runtime, kind, message, { ...details, logs: [...logs] }));
  };
  const succeed = (result: unknown): void => {
    if (done) return;
    done = true;
    settle.resolve(result);
  };
  const timer = setTimeout(() => fail("timeout", `no result after ${timeoutMs} ms`), timeoutMs);
  let watchdog: ProgressWatchdog | undefined;
  const server = await startStaticServer({
    onRequest: (method, path) => watchdog?.seen(`${method} ${path}`),
    mounts: { ...options.mounts, "/__guest/": dirname(options.script) },
    routes: {
      "/__args": () => ({ body: JSON.stringify(options.args ?? null) }),
      "/__page": () => ({
        contentType: "text/html; charset=utf-8",
        body: guestPage(`/__guest/${encodeURIComponent(basename(options.script))}`),
      }),
      "/__message": (request) => {
        const { message } = parseJson(request);
        watchdog?.seen(
          `the message ${typeof message === "string" ? quoted(message) : JSON.stringify(message)}`,
        );
        options.onMessage?.(message);
        return { status: 204 };
      },
      "/__result": (request) => {
        succeed(parseJson(request).result);
        return { status: 204 };
      },
      "/__failure": (request) => {
        const { message, stack } = parseJson(request);
        fail("threw", `the guest failed: ${String(message)}`, {
          guestStack: typeof stack === "string" ? stack : undefined,
        });
        return { status: 204 };
      },
    },
  });
  return {
    url: server.url,
    pageUrl: `${server.url}/__page`,
    outcome,
    logs,
    log: (line) => {
      logs.push(line);
      watchdog?.seen(`the output line ${quoted(line)}`);
    },
    started: (what) => {
      if (done || watchdog !== undefined) return;
      watchdog = watchProgress(stallMs, (reason) => fail("stalled", reason), what);
    },
    settled: () => done,
    fail,
    close: async () => {
      clearTimeout(timer);
      watchdog?.stop();
      await server.close();
    },
  };
}
