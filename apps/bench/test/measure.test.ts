import { describe, expect, it } from "vitest";
import { freshRun } from "../src/fresh-run.js";
import { bytesPerCall } from "../src/measure/bytes-per-call.js";
import { runtimeHooks } from "../src/measure/runtime-hooks.js";
import { summarize } from "../src/measure/timing.js";

describe("summarize", () => {
  it("gives the median, quartiles and extremes of the samples", () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({
      p50: 3,
      p25: 2,
      p75: 4,
      min: 1,
      max: 5,
      samples: 5,
    });
  });
});

describe("bytesPerCall", () => {
  const hooks = runtimeHooks();
  const nop = new WebAssembly.Instance(
    new WebAssembly.Module(
      // (module (func (export "nop")))
      new Uint8Array([
        0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 7, 1, 3, 110, 111, 112, 0, 0,
        10, 4, 1, 2, 0, 11,
      ]),
    ),
  ).exports.nop as () => void;

  it("reads exactly 0 for a raw call of nop, which allocates nothing", () => {
    expect(bytesPerCall(freshRun("nop", { f: nop }, "f()"), 1, hooks)).toBe(0);
  });

  it("sees a fresh array kept alive on every call", () => {
    const bytes = bytesPerCall(freshRun("array", { a: 1 }, "[a, a]"), 1, hooks) as number;
    expect(bytes).toBeGreaterThan(16);
    expect(bytes).toBeLessThan(100);
  });

  it("divides by the calls of a run", () => {
    // A string, not an array literal: a literal's allocation site may add a 16-byte memento to
    // some runs and not others, as V8's pretenuring feedback changes under load.
    const run = freshRun("string", { a: 1.5 }, "a.toFixed(2)");
    const perRun = bytesPerCall(run, 1, hooks) as number;
    expect(perRun).toBeGreaterThan(0);
    expect(bytesPerCall(run, 4, hooks)).toBeCloseTo(perRun / 4, 1);
  });

  it("is null where the runtime gives no heap reading", () => {
    const bun = runtimeHooks({ Bun: { gc: () => {} } });
    expect(bytesPerCall(freshRun("bun", { a: 1 }, "[a, a]"), 1, bun)).toBeNull();
  });
});
