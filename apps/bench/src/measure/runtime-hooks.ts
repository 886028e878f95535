/** A collection: `minor` empties the young generation, `major` collects everything. */
export type Collection = "minor" | "major";

/**
 * What the runtime running the bench lets it do with its garbage collector and heap, found
 * once per process by {@link runtimeHooks}.
 */
export interface RuntimeHooks {
  /**
   * Runs the collector (a full collection where the engine offers no minor one), or
   * `undefined` where the runtime exposes none (browsers, Node without `--expose-gc`).
   */
  readonly collect: ((type: Collection) => void) | undefined;
  /**
   * Bytes of objects on the heap, counting every object allocated since the last collection,
   * or `undefined` where the runtime gives no such reading.
   */
  readonly heapUsed: (() => number) | undefined;
  /** Why bytes per call cannot be measured here, or `undefined` when they can. */
  readonly noAllocation: string | undefined;
}

interface HookGlobals {
  gc?: (options?: { type: Collection }) => void;
  Deno?: { memoryUsage(): { heapUsed: number } };
  Bun?: { gc(force: boolean): void };
  process?: {
    versions?: { node?: string };
    getBuiltinModule?(name: "node:v8"): { getHeapStatistics(): { used_heap_size: number } };
  };
}

/**
 * The hooks of the runtime running this code:
 *
 * - Node (any version): `gc()` from `--expose-gc` and V8's heap statistics (through
 *   `process.getBuiltinModule`, so that the code stays free of Node imports);
 * - Deno: `gc()` from `--v8-flags=--expose-gc` and `Deno.memoryUsage().heapUsed`;
 * - Bun: `Bun.gc(true)`, but no heap reading: JavaScriptCore counts the heap's size at
 *   collections only, so `heapSize()`, `heapStats()`, `memoryUsage()` (bun:jsc) and
 *   `process.memoryUsage()` all read 0 bytes for a loop that allocates an array per call;
 * - browsers: no heap reading (`performance.memory` is Chromium's only, rounded, and absent
 *   in workers); a collector only where the browser was started with one (Chromium's
 *   `--js-flags=--expose-gc`).
 *
 * `globals` stands for `globalThis` (tests pass others).
 */
export function runtimeHooks(globals: object = globalThis): RuntimeHooks {
  const g = globals as HookGlobals;
  const gc = g.gc;
  const v8Collect = typeof gc === "function" ? (type: Collection) => gc({ type }) : undefined;
  const noGc = "no gc(): start the runtime with --expose-gc";
  if (g.Deno !== undefined) {
    const deno = g.Deno;
    return hooks(v8Collect, () => deno.memoryUsage().heapUsed, noGc);
  }
  if (g.Bun !== undefined) {
    const bun = g.Bun;
    return {
      collect: () => bun.gc(true),
      heapUsed: undefined,
      noAllocation: "JavaScriptCore reads its heap's size at collections only",
    };
  }
  const v8 = g.process?.versions?.node === undefined ? undefined : g.process.getBuiltinModule;
  if (v8 !== undefined) {
    const { getHeapStatistics } = v8.call(g.process, "node:v8");
    return hooks(v8Collect, () => getHeapStatistics().used_heap_size, noGc);
  }
  return {
    collect: v8Collect,
    heapUsed: undefined,
    noAllocation: "a browser gives no exact heap size",
  };
}

function hooks(
  collect: RuntimeHooks["collect"],
  heapUsed: () => number,
  noGc: string,
): RuntimeHooks {
  return {
    collect,
    heapUsed: collect === undefined ? undefined : heapUsed,
    noAllocation: collect === undefined ? noGc : undefined,
  };
}
