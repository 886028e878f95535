import { Trap, TypeMismatchError } from "@wasmcall/core-types";
import { describe, expect, it } from "vitest";
import { isTrapFor, trapCodeMatches } from "../src/trap-text.js";

describe("trapCodeMatches", () => {
  it("matches a code with the spec's message for it", () => {
    expect(trapCodeMatches("INTEGER_DIVIDE_BY_ZERO", "integer divide by zero")).toBe(true);
    expect(trapCodeMatches("STACK_OVERFLOW", "call stack exhausted")).toBe(true);
    expect(trapCodeMatches("MEMORY_OUT_OF_BOUNDS", "out of bounds memory access")).toBe(true);
  });

  it("matches a spec text that adds detail after the message", () => {
    expect(trapCodeMatches("INDIRECT_CALL_TO_NULL", "uninitialized element 2")).toBe(true);
    expect(trapCodeMatches("BAD_INDIRECT_CALL", "uninitialized element 2")).toBe(true);
  });

  it("accepts every message of a code that stands for several", () => {
    expect(trapCodeMatches("TABLE_OUT_OF_BOUNDS", "undefined element")).toBe(true);
    expect(trapCodeMatches("TABLE_OUT_OF_BOUNDS", "out of bounds table access")).toBe(true);
    expect(trapCodeMatches("BAD_INDIRECT_CALL", "indirect call type mismatch")).toBe(true);
  });

  it("refuses another trap's text, a shortened text and UNKNOWN", () => {
    expect(trapCodeMatches("INTEGER_OVERFLOW", "integer divide by zero")).toBe(false);
    expect(trapCodeMatches("MEMORY_OUT_OF_BOUNDS", "out of bounds table access")).toBe(false);
    expect(trapCodeMatches("INDIRECT_CALL_TO_NULL", "uninitialized")).toBe(false);
    expect(trapCodeMatches("UNKNOWN", "unreachable")).toBe(false);
  });
});

describe("isTrapFor", () => {
  it("needs a Trap whose code matches", () => {
    expect(isTrapFor(new Trap("UNREACHABLE", "unreachable"), "unreachable")).toBe(true);
    expect(isTrapFor(new Trap("UNREACHABLE", "unreachable"), "integer overflow")).toBe(false);
    expect(isTrapFor(new TypeMismatchError("f", "i32", "i64"), "unreachable")).toBe(false);
    expect(isTrapFor(new Error("unreachable"), "unreachable")).toBe(false);
  });
});
