import {
  TypeMismatchError,
  typeName,
  UnsupportedFeatureError,
  ValueRangeError,
} from "@wasmcall/core-types";
import type { Limits } from "./extern-type.js";
import { wholeNumber } from "./whole-number.js";

/**
 * The limits of `type` (`subject` names the call and the kind: `Memory.create memory`), checked
 * before the engine sees them: an object whose `min` is an integer from 0 to `engineMax` and
 * whose `max`, if any, is an integer from `min` to `engineMax`, with an `address` of `"i32"`
 * (the default, left out of the result) or `"i64"` (64-bit indices, WebAssembly 3.0).
 *
 * @throws {TypeMismatchError} when `type` is not an object, a limit is not a number or the
 * address type is neither.
 * @throws {ValueRangeError} when a limit is not an integer in range.
 */
export function checkLimits(subject: string, type: unknown, engineMax: number): Limits {
  if (typeof type !== "object" || type === null) {
    throw new TypeMismatchError(subject, "a type object ({ min, max? })", typeName(type));
  }
  const { min, max, address } = type as Record<string, unknown>;
  if (address !== undefined && address !== "i32" && address !== "i64") {
    throw new TypeMismatchError(`${subject} address`, '"i32" or "i64"', typeName(address));
  }
  const wide = address === "i64" ? { address: "i64" as const } : {};
  wholeNumber(`${subject} minimum`, min, engineMax);
  if (max === undefined) return { min: min as number, ...wide };
  wholeNumber(`${subject} maximum`, max, engineMax);
  if ((max as number) < (min as number)) {
    throw new ValueRangeError(`${subject} maximum`, max, `below the minimum ${min}`);
  }
  return { min: min as number, max: max as number, ...wide };
}

/**
 * The size fields of the JS API descriptor of a memory or table with `limits`: numbers, or
 * bigints with `address: "i64"` for 64-bit indices.
 */
export function descriptorLimits(limits: Limits): {
  initial: number;
  maximum?: number;
  address?: "i64";
} {
  const size = (n: number) => (limits.address === "i64" ? BigInt(n) : n) as number;
  return {
    initial: size(limits.min),
    ...(limits.max === undefined ? {} : { maximum: size(limits.max) }),
    ...(limits.address === "i64" ? { address: "i64" as const } : {}),
  };
}

/**
 * Whether the engine makes memories and tables with 64-bit indices from JavaScript (the
 * memory64 proposal, WebAssembly 3.0; some engines had 64-bit memories before tables), each
 * found once.
 */
const wideLimits: { memory?: boolean; table?: boolean } = {};

/**
 * Throws when `limits` are 64-bit and the engine cannot make such a memory or table (`kind`).
 *
 * @throws {UnsupportedFeatureError} naming memory64.
 */
export function checkAddressSupported(
  subject: string,
  kind: "memory" | "table",
  limits: Limits,
): void {
  if (limits.address !== "i64") return;
  if (wideLimits[kind] === undefined) {
    try {
      if (kind === "memory") {
        new WebAssembly.Memory({
          initial: 0n,
          address: "i64",
        } as unknown as WebAssembly.MemoryDescriptor);
      } else {
        const descriptor = { element: "anyfunc", initial: 0n, address: "i64" };
        new WebAssembly.Table(descriptor as unknown as WebAssembly.TableDescriptor);
      }
      wideLimits[kind] = true;
    } catch {
      wideLimits[kind] = false;
    }
  }
  if (!wideLimits[kind]) {
    throw new UnsupportedFeatureError(subject, `memory64 (64-bit ${kind} indices)`);
  }
}
