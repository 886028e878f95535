import type { Val } from "@wasmcall/core-types";
import type { Func } from "@wasmcall/runtime";

/** Calls `f` raw through its store's slots with `params`; returns its results. */
export function call(f: Func, ...params: Val[]): Val[] {
  const slots = f.store.slots;
  params.forEach((v, i) => {
    slots.write(i, v);
  });
  f.callRaw();
  return f.ty().results.map((t, i) => slots.read(i, t));
}

/** What `action` throws; fails the test when it throws nothing. */
export function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (e) {
    return e;
  }
  throw new Error("expected an exception");
}
