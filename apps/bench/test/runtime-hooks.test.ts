import { describe, expect, it } from "vitest";
import { runtimeHooks } from "../src/measure/runtime-hooks.js";

describe("runtimeHooks", () => {
  it("collects and reads V8's heap in Node run with --expose-gc", () => {
    const hooks = runtimeHooks();
    expect(hooks.noAllocation).toBeUndefined();
    expect(hooks.heapUsed?.()).toBeGreaterThan(0);
    expect(() => hooks.collect?.("minor")).not.toThrow();
  });

  it("says why allocation is not measured in Node without gc()", () => {
    const hooks = runtimeHooks({ process });
    expect(hooks.collect).toBeUndefined();
    expect(hooks.noAllocation).toMatch(/--expose-gc/);
  });

  it("reads Deno's heap through Deno.memoryUsage", () => {
    const collected: string[] = [];
    const hooks = runtimeHooks({
      Deno: { memoryUsage: () => ({ heapUsed: 1234 }) },
      gc: (options: { type: string }) => collected.push(options.type),
      process,
    });
    hooks.collect?.("minor");
    expect(collected).toEqual(["minor"]);
    expect(hooks.heapUsed?.()).toBe(1234);
  });

  it("collects with Bun.gc but reads no heap in Bun", () => {
    let collections = 0;
    const hooks = runtimeHooks({ Bun: { gc: () => collections++ }, process });
    hooks.collect?.("major");
    expect(collections).toBe(1);
    expect(hooks.heapUsed).toBeUndefined();
    expect(hooks.noAllocation).toMatch(/JavaScriptCore/);
  });

  it("reads no heap in a browser, and collects only with an exposed gc()", () => {
    expect(runtimeHooks({}).collect).toBeUndefined();
    const chromium = runtimeHooks({ gc: () => {} });
    expect(chromium.collect).toBeDefined();
    expect(chromium.heapUsed).toBeUndefined();
    expect(chromium.noAllocation).toMatch(/browser/);
  });
});
