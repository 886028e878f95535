import { WasmcallError } from "./wasmcall-error.js";

/**
 * A JavaScript value cannot become a WebAssembly value of the wanted type without changing it:
 * an i32 given 1.5 or 2^32, an i64 outside -2^63..2^64-1, an f32 that is not exactly
 * representable, a v128 that is not 16 bytes. Nothing is ever rounded or wrapped silently.
 */
export class ValueRangeError extends WasmcallError {
  /** The type the value was meant to become. */
  readonly type: string;
  /** The value that was refused. */
  readonly value: unknown;

  /** The message reads `invalid <type> value <value>: <reason>`. */
  constructor(type: string, value: unknown, reason: string) {
    super("VALUE_RANGE", `invalid ${type} value ${describe(value)}: ${reason}`);
    this.name = "ValueRangeError";
    this.type = type;
    this.value = value;
  }
}

function describe(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  try {
    return String(value);
  } catch {
    // An object whose conversion to a string throws (a look-alike, a null prototype).
    return Object.prototype.toString.call(value);
  }
}
