import { V128, type ValType } from "@wasmcall/core-types";
import type { Store } from "@wasmcall/runtime";
import { kindOf, type Site, toEngine } from "./engine-value.js";

/** Checks a JavaScript value and writes it into one slot. */
export type SlotWriter = (value: unknown) => void;

/** Reads one slot as a typed JavaScript value. */
export type SlotReader = () => unknown;

/**
 * The writer of slot `index` of the site's store for values of `type`: it checks the value as
 * {@link toEngine} does (value `index` of `site`), then writes it as the slot layout says.
 *
 * @throws {ValueRangeError} (from the writer) for a value the type does not hold exactly.
 * @throws {TypeMismatchError} (from the writer) for a funcref that is neither a `Func` nor null.
 * @throws {StoreMismatchError} (from the writer) for a funcref of another store.
 *
 * @example
 * ```ts
 * const site = { store, subject: String(func), what: "argument" } as const;
 * slotWriter("v128", site, 0)(V128.fromI32x4([1, 2, 3, 4]));
 * ```
 */
export function slotWriter(type: ValType, site: Site, index: number): SlotWriter {
  const slots = site.store.slots;
  const kind = kindOf(type, site.subject);
  switch (type) {
    case "i32": {
      const i32 = slots.i32;
      return (value) => {
        i32[index << 2] = toEngine(kind, value, site, index) as number;
      };
    }
    case "i64": {
      const i64 = slots.i64;
      return (value) => {
        i64[index << 1] = toEngine(kind, value, site, index) as bigint;
      };
    }
    case "f32": {
      const f32 = slots.f32;
      return (value) => {
        f32[index << 2] = toEngine(kind, value, site, index) as number;
      };
    }
    case "f64": {
      const f64 = slots.f64;
      return (value) => {
        f64[index << 1] = toEngine(kind, value, site, index) as number;
      };
    }
    case "v128": {
      const u8 = slots.u8;
      return (value) => {
        (toEngine(kind, value, site, index) as V128).copyTo(u8, index << 4);
      };
    }
    case "externref":
      return (value) => {
        slots.putRef(index, type, value);
      };
    default:
      return (value) => {
        slots.putRef(index, "funcref", toEngine(kind, value, site, index));
      };
  }
}

/**
 * The reader of slot `index` of `store` for values of `type`: i32, f32 and f64 as numbers, i64
 * as a bigint, v128 as a {@link V128}, externref as the value, funcref as the store's `Func`
 * or null. A reference slot is emptied as it is read (`Slots.takeRef`).
 *
 * @example
 * ```ts
 * func.callRaw();
 * const v = slotReader("v128", store, 0)() as V128;
 * ```
 */
export function slotReader(type: ValType, store: Store, index: number): SlotReader {
  const slots = store.slots;
  switch (type) {
    case "i32": {
      const i32 = slots.i32;
      return () => i32[index << 2];
    }
    case "i64": {
      const i64 = slots.i64;
      return () => i64[index << 1];
    }
    case "f32": {
      const f32 = slots.f32;
      return () => f32[index << 2];
    }
    case "f64": {
      const f64 = slots.f64;
      return () => f64[index << 1];
    }
    case "v128": {
      const u8 = slots.u8;
      return () => V128.fromBytes(u8.subarray(index << 4, (index << 4) + 16));
    }
    case "externref":
      return () => slots.takeRef(index, type);
    default:
      return () => {
        const js = slots.takeRef(index, "funcref");
        return js === null ? null : store.funcOf(js);
      };
  }
}
