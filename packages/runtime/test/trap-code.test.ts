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
    ["illegal cast", "CAST_FAILURE"],
    ["array element access out of bounds", "ARRAY_OUT_OF_BOUNDS"],
    ["dereferencing a null pointer", "NULL_REFERENCE"],
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
    ["Out of bounds or failed to allocate in array.new_data", "OUT_OF_BOUNDS"],
    ["Out of bounds array.init_data", "OUT_OF_BOUNDS"],
    ["array.init_data to a null reference", "NULL_REFERENCE"],
  ])("JavaScriptCore: %s", (message, code) => {
    expect(trapCodeOf(message)).toBe(code);
  });

  it.each([
    ["unreachable executed", "UNREACHABLE"],
    ["integer divide by zero", "INTEGER_DIVIDE_BY_ZERO"],
    ["integer overflow", "INTEGER_OVERFLOW"],
    ["invalid conversion to integer", "BAD_CONVERSION_TO_INTEGER"],
    ["index out of bounds", "OUT_OF_BOUNDS"],
    ["too many array elements", "ALLOCATION_TOO_LARGE"],
    ["table index out of bounds", "TABLE_OUT_OF_BOUNDS"],
    ["indirect call to null", "INDIRECT_CALL_TO_NULL"],
    ["indirect call signature mismatch", "BAD_SIGNATURE"],
  ])("SpiderMonkey: %s", (message, code) => {
    expect(trapCodeOf(message)).toBe(code);
  });
});
