// The guest runner names `.each` cases as vitest does: each case below is named by vitest
// itself (the test's own name) and by formatTitle, and the two must be the same.
import { describe, expect, it } from "vitest";
import { formatTitle } from "../../src/runner/format-title.js";

const OBJECTS = [
  { name: "baseline", n: 1 },
  { name: "a name longer than forty characters, to be cut short", n: -0 },
  { name: "it's", n: 2n },
];

describe.each(OBJECTS)("$name: objects ($n)", (item) => {
  it("are named by their properties", ({ task }) => {
    expect(task.suite?.name).toBe(
      formatTitle("$name: objects ($n)", [item], OBJECTS.indexOf(item)),
    );
  });
});

const ROWS: readonly (readonly [string, number, unknown])[] = [
  ["i32", 0, null],
  ["f64 -0", -0, undefined],
  ["v128", 1.5, { a: 1 }],
  ["100%", -7, [1, 2]],
];

describe("rows of arrays", () => {
  const template = "%s at %i (%d, %f) %j #%# of %$ $0 $1 %%";
  it.each(ROWS)(template, (...row) => {
    const index = ROWS.findIndex((r) => r[0] === row[0]);
    expect(expect.getState().currentTestName?.split(" > ").pop()).toBe(
      formatTitle(template, row, index),
    );
  });
});

describe("plain values", () => {
  const VALUES = [0, 7, 2 ** 40];
  it.each(VALUES)("returns %i results, %s", (n) => {
    expect(expect.getState().currentTestName?.split(" > ").pop()).toBe(
      formatTitle("returns %i results, %s", [n], VALUES.indexOf(n)),
    );
  });
});
