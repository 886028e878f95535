import { type CompileError, isRefType, type ValType } from "@wasmcall/core-types";
import type { Limits } from "../extern-type.js";
import type { EnabledFeatures } from "../features.js";
import { refHierarchy } from "../ref-hierarchy.js";
import type { ByteReader } from "./byte-reader.js";
import { featureRefusal } from "./feature-error.js";

/**
 * The refusal of value type `type` (read at `at`) where `features` switch off what it needs:
 * an exception reference without `exceptions`, any reference type but `funcref` and
 * `externref` without `gc`. Undefined where the type is allowed.
 */
export function valTypeRefusal(
  r: ByteReader,
  type: ValType,
  features: EnabledFeatures,
  at: number,
  what = "value type",
): CompileError | undefined {
  if (features.gc && features.exceptions) return undefined;
  if (!isRefType(type) || type === "funcref" || type === "externref") return undefined;
  if (refHierarchy(type) === "exn" ? !features.exceptions : !features.gc) {
    return featureRefusal(r.error(`malformed ${what}`, at));
  }
  return undefined;
}

/** Throws the {@link valTypeRefusal} of each of `types`, if any. */
export function checkValTypes(
  r: ByteReader,
  types: readonly ValType[],
  features: EnabledFeatures,
  at: number,
): void {
  for (const type of types) {
    const refusal = valTypeRefusal(r, type, features, at);
    if (refusal !== undefined) throw refusal;
  }
}

/**
 * Throws when `limits` (read at `at`) are 64-bit and `memory64` is off, with WebAssembly
 * 2.0's message for a limits flag it does not know.
 */
export function checkAddress(
  r: ByteReader,
  limits: Limits,
  features: EnabledFeatures,
  at: number,
): void {
  if (limits.address === "i64" && !features.memory64) {
    throw featureRefusal(r.error("integer too large", at));
  }
}
