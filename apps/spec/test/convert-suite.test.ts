import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertSuite, prepareSuite, scriptName } from "../src/convert/index.js";
import { lackingFeatures } from "../src/engine-features.js";
import { fileSource } from "../src/file-source.js";
import { INVOKERS } from "../src/invokers.js";
import { runSuite } from "../src/run-suite.js";
import { ASSEMBLED_TEXT_ACCEPTED, CUSTOM_ACCEPTED, engineLacks } from "../src/skip-category.js";
import type { SpecScript } from "../src/spec-format.js";

/** A 3.0 script of every command the converter and the runner add to wast2json's. */
const SCRIPT = String.raw`
(module definition $D
  (func (export "inc") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (global $g (export "g") (mut i32) (i32.const 0))
  (func (export "bump") (result i32) (global.set $g (i32.add (global.get $g) (i32.const 1))) (global.get $g)))
(module instance $I1 $D)
(module instance $I2 $D)
(assert_return (invoke $I1 "bump") (i32.const 1))
(assert_return (invoke $I1 "bump") (i32.const 2))
(assert_return (invoke $I2 "bump") (i32.const 1))
(register "inst" $I1)
(module
  (import "inst" "inc" (func $inc (param i32) (result i32)))
  (tag $e (param i32))
  (func (export "throw") (throw $e (i32.const 7)))
  (func (export "id") (param externref) (result externref) (local.get 0))
  (func (export "null") (result funcref) (ref.null func))
  (func (export "inc2") (param i32) (result i32) (call $inc (call $inc (local.get 0)))))
(assert_exception (invoke "throw"))
(assert_return (invoke "id" (ref.extern 1)) (ref.extern 1))
(assert_return (invoke "id" (ref.null extern)) (ref.null))
(assert_return (invoke "null") (ref.null func))
(assert_return (invoke "inc2" (i32.const 1)) (either (i32.const 3) (i32.const 4)))
(assert_malformed (module quote "(func (i32.bogus))") "unknown operator")
(assert_malformed (module quote "(func (nop))") "accepted by the parser")
(assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")
(assert_malformed_custom (module quote "(@custom \"x\" (bogus) \"\")") "malformed")
(module (type $s (struct (field i32))) (func (export "s") (result i32) (i32.const 5)))
(assert_return (invoke "s") (i32.const 5))
`;

let dir: string;
let cache: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "wasmcall-wast-"));
  cache = mkdtempSync(join(tmpdir(), "wasmcall-wast-cache-"));
  writeFileSync(join(dir, "three.wast"), SCRIPT);
  mkdirSync(join(dir, "legacy"));
  writeFileSync(join(dir, "legacy", "nop.wast"), '(module (func (export "f")))\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

describe("convertSuite", () => {
  it("writes wast2json's folder format with suite.json, once per content of the scripts", async () => {
    const out = await convertSuite(dir, cache);
    expect(readdirSync(out).sort()).toEqual(["legacy.nop", "suite.json", "three"]);
    expect(JSON.parse(readFileSync(join(out, "suite.json"), "utf8")).version).toBe("3.0");
    const script = JSON.parse(readFileSync(join(out, "three", "three.json"), "utf8")) as SpecScript;
    expect(script.source_filename).toBe("three.wast");
    const types = script.commands.map((c) => c.type);
    expect(types.slice(0, 3)).toEqual(["module_definition", "module_instance", "module_instance"]);
    const malformed = script.commands.find((c) => c.type === "assert_malformed");
    expect(malformed?.text_error).toMatch(/unknown operator/);
    expect(script.commands[0]?.module_type).toBe("assembled");
    expect(await convertSuite(dir, cache)).toBe(out);
  });

  it("names a script in a subfolder by its path, with dots", () => {
    expect(scriptName("legacy/throw.wast")).toBe("legacy.throw");
  });

  it("turns a script that does not parse into one failing command, and runs the rest", async () => {
    const broken = mkdtempSync(join(tmpdir(), "wasmcall-wast-broken-"));
    try {
      writeFileSync(
        join(broken, "bad.wast"),
        '(module)\n(assert_return (invoke "f") (i32.const))\n',
      );
      writeFileSync(join(broken, "good.wast"), "(module)\n");
      const out = await convertSuite(broken, cache);
      const bad = JSON.parse(readFileSync(join(out, "bad", "bad.json"), "utf8")) as SpecScript;
      expect(bad.commands).toEqual([
        { type: "script_error", line: 2, text: expect.stringMatching(/^bad\.wast:2:/) },
      ]);
      const summary = await runSuite({
        source: fileSource(out),
        invokers: INVOKERS.filter((i) => i.name === "baseline"),
      });
      expect(summary.totals.get("baseline")?.tally).toEqual({ passed: 1, failed: 1, skipped: 0 });
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it("leaves a folder of converted scripts, or none, as it is", async () => {
    const converted = await convertSuite(dir, cache);
    expect(await prepareSuite(converted, cache)).toBe(converted);
    expect(await prepareSuite(join(dir, "nowhere"), cache)).toBe(join(dir, "nowhere"));
  });
});

describe("runSuite over a converted 3.0 script", () => {
  it("passes every command under every strategy; a 3.0 module skips where the engine lacks 3.0", async () => {
    const strategies = INVOKERS.filter((invoker) => !invoker.reference);
    const summary = await runSuite({
      source: fileSource(await convertSuite(dir, cache)),
      invokers: strategies,
      only: ["three"],
    });
    const lacking = lackingFeatures();
    const gcSkips = lacking.length === 0 ? 0 : 2;
    for (const strategy of strategies) {
      const result = summary.files[0]?.results.get(strategy.name);
      expect(result?.failures, strategy.name).toEqual([]);
      expect(result?.tally, strategy.name).toEqual({
        passed: 18 - gcSkips,
        failed: 0,
        skipped: 1 + gcSkips,
      });
      expect(result?.kinds.assert_exception).toEqual({ passed: 1, failed: 0, skipped: 0 });
    }
    const skips = new Map(summary.skips());
    expect(skips.get(ASSEMBLED_TEXT_ACCEPTED)).toBe(1);
    expect(skips.get(CUSTOM_ACCEPTED) ?? 0).toBe(0);
    if (gcSkips > 0) expect(skips.get(engineLacks(lacking))).toBe(gcSkips);
  });
});
