// The guest runner's expect must judge like vitest's: every case runs through both, plain and
// negated, and must pass or fail alike.
import { describe, it, expect as vitestExpect } from "vitest";
import { expect as guestExpect } from "../../src/runner/expect.js";

type Matcher =
  | "toBe"
  | "toEqual"
  | "toBeInstanceOf"
  | "toContain"
  | "toMatch"
  | "toThrow"
  | "toBeGreaterThan";

class Point {
  constructor(
    readonly x: number,
    readonly y?: number,
  ) {}
}

const thrower = (value: unknown) => () => {
  throw value;
};
const quiet = () => 1;
const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;
const cyclic2: Record<string, unknown> = { a: 1 };
cyclic2.self = cyclic2;

/** A case: label, matcher, actual value, and the matcher's argument when it takes one. */
type Case = readonly [string, Matcher, unknown, unknown?];

/** Each case is checked plain and under `not`. */
const CASES: readonly Case[] = [
  ["same number", "toBe", 1, 1],
  ["NaN is NaN", "toBe", Number.NaN, Number.NaN],
  ["-0 is not +0", "toBe", -0, 0],
  ["equal objects are not the same", "toBe", { a: 1 }, { a: 1 }],
  ["same object", "toBe", cyclic, cyclic],
  ["string vs number", "toBe", "1", 1],
  ["deep arrays", "toEqual", [1, [2, { a: 3 }]], [1, [2, { a: 3 }]]],
  ["arrays of different length", "toEqual", [1, 2], [1, 2, 3]],
  ["undefined keys ignored", "toEqual", { a: 1, b: undefined }, { a: 1 }],
  ["classes compared by keys", "toEqual", new Point(1), { x: 1 }],
  ["class with undefined field", "toEqual", new Point(1, undefined), new Point(1)],
  ["different values", "toEqual", { a: 1 }, { a: 2 }],
  ["-0 and +0 differ", "toEqual", [-0], [0]],
  ["NaN equals NaN", "toEqual", [Number.NaN], [Number.NaN]],
  ["bigints", "toEqual", [1n, 2n], [1n, 2n]],
  ["array vs object", "toEqual", [1], { 0: 1 }],
  ["maps", "toEqual", new Map([["a", { b: 1 }]]), new Map([["a", { b: 1 }]])],
  ["maps with other values", "toEqual", new Map([["a", 1]]), new Map([["a", 2]])],
  ["sets in another order", "toEqual", new Set([1, 2, 3]), new Set([3, 2, 1])],
  ["sets of objects", "toEqual", new Set([{ a: 1 }]), new Set([{ a: 1 }])],
  ["sets that differ", "toEqual", new Set([1, 2]), new Set([1, 3])],
  ["errors by message", "toEqual", new Error("x"), new Error("x")],
  ["errors of other messages", "toEqual", new Error("x"), new Error("y")],
  ["errors of other classes", "toEqual", new TypeError("x"), new RangeError("x")],
  ["typed arrays", "toEqual", new Uint8Array([1, 2]), new Uint8Array([1, 2])],
  ["typed arrays that differ", "toEqual", new Uint8Array([1, 2]), new Uint8Array([1, 3])],
  ["typed array vs array", "toEqual", new Uint8Array([1, 2]), [1, 2]],
  ["dates", "toEqual", new Date(5), new Date(5)],
  ["regexps", "toEqual", /a/g, /a/g],
  ["regexps of other flags", "toEqual", /a/g, /a/i],
  ["cyclic structures", "toEqual", cyclic, cyclic2],
  ["null vs undefined", "toEqual", null, undefined],
  ["symbol keys", "toEqual", { [Symbol.for("k")]: 1 }, { [Symbol.for("k")]: 1 }],
  ["symbol keys that differ", "toEqual", { [Symbol.for("k")]: 1 }, { [Symbol.for("k")]: 2 }],
  ["instance", "toBeInstanceOf", new TypeError("x"), Error],
  ["not an instance", "toBeInstanceOf", {}, Point],
  ["primitive", "toBeInstanceOf", 1, Number],
  ["array holds item", "toContain", ["a", "b"], "b"],
  ["array lacks item", "toContain", ["a", "b"], "c"],
  ["array holds equal object, not the same", "toContain", [{ a: 1 }], { a: 1 }],
  ["array holds NaN", "toContain", [Number.NaN], Number.NaN],
  ["string holds substring", "toContain", "hello", "ell"],
  ["string lacks substring", "toContain", "hello", "\n"],
  ["set holds item", "toContain", new Set([1, 2]), 2],
  ["regexp matches", "toMatch", "wasm trap: x", /^wasm trap: /],
  ["regexp does not match", "toMatch", "trap", /^wasm/],
  ["string included", "toMatch", "abc", "b"],
  ["string not included", "toMatch", "abc", "d"],
  ["throws anything", "toThrow", thrower(new Error("boom"))],
  ["throws nothing", "toThrow", quiet],
  ["throws a class", "toThrow", thrower(new TypeError("bad")), TypeError],
  ["throws another class", "toThrow", thrower(new TypeError("bad")), RangeError],
  ["nothing thrown, class expected", "toThrow", quiet, TypeError],
  ["message includes", "toThrow", thrower(new Error("a whole number")), "whole number"],
  ["message does not include", "toThrow", thrower(new Error("abc")), "xyz"],
  ["message matches", "toThrow", thrower(new Error("abc")), /b/],
  ["message does not match", "toThrow", thrower(new Error("abc")), /^b/],
  ["nothing thrown, message expected", "toThrow", quiet, "abc"],
  ["a thrown string includes", "toThrow", thrower("text thrown"), "thrown"],
  ["a thrown falsy value", "toThrow", thrower(0), "x"],
  ["a thrown object without message", "toThrow", thrower({ reason: 1 }), "x"],
  ["an equal error", "toThrow", thrower(new Error("x")), new Error("x")],
  ["another error", "toThrow", thrower(new Error("x")), new Error("y")],
  ["greater", "toBeGreaterThan", 11, 10],
  ["equal is not greater", "toBeGreaterThan", 10, 10],
  ["bigints greater", "toBeGreaterThan", 3n, 2n],
];

/** Whether `check` throws. */
function fails(check: () => void): boolean {
  try {
    check();
    return false;
  } catch {
    return true;
  }
}

type AnyAssertion = Record<Matcher, (expected?: unknown) => void> & { not: AnyAssertion };

describe("the guest runner's expect judges as vitest's does", () => {
  it.each(CASES)("%s (%s)", (...row) => {
    const [, matcher, actual, expected] = row as unknown as Case;
    for (const negate of [false, true]) {
      const args = expected === undefined ? [] : [expected];
      const run = (make: (a: unknown) => unknown) => () => {
        const assertion = make(actual) as AnyAssertion;
        (negate ? assertion.not : assertion)[matcher](...args);
      };
      const byVitest = fails(run((a) => vitestExpect(a)));
      const byGuest = fails(run((a) => guestExpect(a)));
      vitestExpect(byGuest, `${negate ? "not." : ""}${matcher}: vitest fails: ${byVitest}`).toBe(
        byVitest,
      );
    }
  });

  it("prefixes its message with the one given to expect", () => {
    vitestExpect(() => guestExpect(1, "the count").toBe(2)).toThrow(
      /^the count: expected 1 to be 2/,
    );
  });

  it("refuses a matcher it does not implement, by name", () => {
    const assertion = guestExpect(1) as unknown as Record<string, () => void>;
    vitestExpect(() => assertion.toBeCloseTo?.()).toThrow(/toBeCloseTo is not implemented/);
  });
});
