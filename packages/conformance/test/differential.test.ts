import type { Val } from "@wasmcall/core-types";
import { Func, jsOfVal, type Store } from "@wasmcall/runtime";
import { wat } from "@wasmcall/test-support";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STRATEGIES } from "./strategies.js";
import { type EchoSignature, echoSignature, valOf } from "./support/arbitraries.js";
import { expectSameVals, invoke } from "./support/call.js";
import { echoFunc } from "./support/echo-module.js";
import { exportedFunc, instantiate, newStore } from "./support/instantiate.js";

const store: Store = newStore();
/** The functions funcref values are drawn from: a host function and a wasm export. */
const FUNCS: readonly Func[] = [
  Func.host(store, store.engine.funcType([], []), () => {}),
  exportedFunc(instantiate(store, await wat(echoFunc("f", ["i32"], [0]))), "f"),
];

/** The echo function of each signature met so far, by signature key. */
const echoes = new Map<string, Func>();

async function echo(sig: EchoSignature): Promise<Func> {
  const key = `${sig.params.join(",")}|${sig.picks.join(",")}`;
  let func = echoes.get(key);
  if (func === undefined) {
    const bytes = await wat(`(module ${echoFunc("echo", sig.params, sig.picks)})`);
    func = exportedFunc(instantiate(store, bytes), "echo");
    echoes.set(key, func);
  }
  return func;
}

/** A signature and random arguments for it. */
const cases = echoSignature.chain((sig) =>
  fc.record({
    sig: fc.constant(sig),
    params: fc.tuple(...sig.params.map((t) => valOf(t, FUNCS))),
  }),
);

/** Tells whether `val` is an f32 or f64 NaN. */
function isFloatNaN(val: Val): boolean {
  return (
    (val.type === "f32" && Number.isNaN(val.f32())) ||
    (val.type === "f64" && Number.isNaN(val.f64()))
  );
}

/**
 * Calls `func` through the plain JS API, when it can call the signature and hold the values
 * exactly: no v128 anywhere and no NaN argument (a JS number may change NaN bits). Returns the
 * results as a list, or undefined when the JS API cannot make this call.
 */
function callJs(func: Func, params: readonly Val[]): unknown[] | undefined {
  const type = func.ty();
  if (type.params.includes("v128") || type.results.includes("v128")) return undefined;
  if (params.some(isFloatNaN)) return undefined;
  const value = (func.js as (...args: unknown[]) => unknown)(...params.map(jsOfVal));
  if (type.results.length === 0) return [];
  return type.results.length === 1 ? [value] : (value as unknown[]);
}

describe("differential: random echo signatures and values", () => {
  it("give the same bits through every strategy, the expected values, and the JS API's", async () => {
    let viaJs = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ({ sig, params }) => {
        const func = await echo(sig);
        const expected = sig.picks.map((k) => params[k] as Val);
        for (const strategy of STRATEGIES) {
          const results = invoke(strategy.prepare(store, func), params);
          expectSameVals(results, expected, `${strategy.name} ${func.ty()}`);
        }
        const js = callJs(func, params);
        if (js !== undefined) {
          viaJs++;
          expect(js.length).toBe(expected.length);
          expected.forEach((v, j) => {
            expect(Object.is(js[j], jsOfVal(v)), `JS API result ${j} is ${v}`).toBe(true);
          });
        }
      }),
      { numRuns: 200 },
    );
    expect(viaJs).toBeGreaterThan(10);
    // Up to 200 modules assembled and compiled: 0.5 s here alone, over 6 s while every
    // package's tests ran at once on a loaded machine (vitest's default limit is 5 s).
  }, 60_000);
});
