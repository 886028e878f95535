import { trapCodeOf } from "@wasmcall/runtime";
import { describe, expect, it } from "vitest";

describe("trapCodeOf reads each engine's trap messages", () => {
  it.each([
    ["unreachable", "UNREACHABLE"],
    ["divide by zero", "INTEGER_DIVIDE_BY_ZERO"],
    ["remainder by zero", "INTEGER_DIVIDE_BY_ZERO"],
    ["divide result unrepresentable", "INTEGER_OVERFLOW"],
    ["float unrepresentable in integer range", "BAD_FLOAT_TO_INTEGER"],
    ["memory access out of bounds", "MEMORY_OUT_OF_BOUNDS"],
    ["table index is out of bounds", "TABLE_OUT_OF_BOUNDS"],
    ["null function or function signature mismatch", "BAD_INDIRECT_CALL"],
    ["function signature mismatch", "BAD_INDIRECT_CALL"],
  ])("V8: %s", (message, code) => {
    expect(trapCodeOf(message)).toBe(code);
  });

  it.each([
    ["Unreachable code should not be executed", "UNREACHABLE"],
    ["Division by zero", "INTEGER_DIVIDE_BY_ZERO"],
    ["Integer overflow", "INTEGER_OVERFLOW"],
    ["Out of bounds Trunc operation", "BAD_FLOAT_TO_INTEGER"],
    ["Out of bounds memory access", "MEMORY_OUT_OF_BOUNDS"],
    ["Out of bounds call_indirect", "TABLE_OUT_OF_BOUNDS"],
    ["call_indirect to a null table entry", "INDIRECT_CALL_TO_NULL"],
    ["call_indirect to a signature that does not match", "BAD_INDIRECT_CALL"],
  ])("JavaScriptCore: %s", (message, code) => {
    expect(trapCodeOf(message)).toBe(code);
  });

  it.each([
    ["unreachable executed", "UNREACHABLE"],
    ["integer divide by zero", "INTEGER_DIVIDE_BY_ZERO"],
    ["integer overflow", "INTEGER_OVERFLOW"],
    ["invalid conversion to integer", "BAD_CONVERSION_TO_INTEGER"],
    ["index out of bounds", "OUT_OF_BOUNDS"],
    ["table index out of bounds", "TABLE_OUT_OF_BOUNDS"],
    ["indirect call to null", "INDIRECT_CALL_TO_NULL"],
    ["indirect call signature mismatch", "BAD_SIGNATURE"],
  ])("SpiderMonkey: %s", (message, code) => {
    expect(trapCodeOf(message)).toBe(code);
  });
});
