/** Watches a guest run for progress; see {@link watchProgress}. */
export interface ProgressWatchdog {
  /** Records progress: `what` is the thing seen, e.g. `the message "started"`. */
  seen(what: string): void;
  /** Stops watching. */
  stop(): void;
}

/** How long a description of the last thing seen may be. */
const MAX_DESCRIPTION = 200;

/**
 * Calls `onStall` once, with a reason naming the last thing seen (`no progress for 30 s after
 * the message "arity.test.ts: 80 passed, 0 failed"`), when nothing has been {@link
 * ProgressWatchdog.seen} for `stallMs` milliseconds. The watch starts now, with `start` as the
 * last thing seen, and checks a few times per `stallMs`.
 */
export function watchProgress(
  stallMs: number,
  onStall: (reason: string) => void,
  start = "the start",
): ProgressWatchdog {
  let last = start;
  let lastAt = performance.now();
  const check = (): void => {
    if (performance.now() - lastAt < stallMs) return;
    clearInterval(timer);
    onStall(`no progress for ${stallMs / 1000} s after ${last}`);
  };
  const timer = setInterval(check, Math.max(1, Math.min(1000, stallMs / 4)));
  return {
    seen: (what) => {
      last = what.length > MAX_DESCRIPTION ? `${what.slice(0, MAX_DESCRIPTION)}…` : what;
      lastAt = performance.now();
    },
    stop: () => clearInterval(timer),
  };
}
