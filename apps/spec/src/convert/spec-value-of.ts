import { isAbstractHeapType, refType } from "@wasmcall/core-types";
import type { SpecValue } from "../spec-format.js";
import type { WastResult } from "../wast/index.js";

/**
 * A script's value or result pattern in the command-list format (see `SpecValue`): numbers as
 * unsigned decimal bits, NaN patterns by name, v128 by lane, references by the shorthand of
 * their type. `(ref.func $f)` becomes any non-null function reference (the runner cannot name
 * a module's functions), as wast2json writes it.
 */
export function specValueOf(value: WastResult): SpecValue {
  switch (value.type) {
    case "i32":
    case "i64":
    case "f32":
    case "f64":
      if ("nan" in value) return { type: value.type, value: `nan:${value.nan}` };
      return { type: value.type, value: String(value.bits) };
    case "v128":
      return {
        type: "v128",
        lane_type: value.shape.slice(0, value.shape.indexOf("x")),
        value: value.lanes.map((lane) => (typeof lane === "bigint" ? String(lane) : `nan:${lane}`)),
      };
    case "ref.null":
      if (value.heap === undefined) return { type: "refnull" };
      if (isAbstractHeapType(value.heap)) return { type: refType(value.heap, true), value: "null" };
      return { type: "refnull", heap: value.heap };
    case "ref.extern":
      return { type: "externref", value: String(value.id) };
    case "ref.host":
      return { type: "anyref", value: String(value.id) };
    case "ref.nonnull":
      return { type: refType(value.kind, true) };
    case "ref.func":
      return { type: "funcref" };
    case "either":
      return { type: "either", values: value.options.map(specValueOf) };
  }
}
