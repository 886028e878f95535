import type { FuncType, RefType, ValType } from "@wasmcall/core-types";

/** The type of a global: its content type and whether it may be set. */
export interface GlobalType {
  /** The type of the value the global holds. */
  readonly content: ValType;
  /** Whether the global is mutable (`(mut T)`). */
  readonly mutable: boolean;
}

/**
 * Size limits in units (pages for memories, elements for tables); `max` absent when unbounded.
 * `address` is `"i64"` for a 64-bit memory or table (memory64, WebAssembly 3.0), absent for a
 * 32-bit one, as the JavaScript API's descriptors say it.
 */
export interface Limits {
  /** The initial (minimum) size. */
  readonly min: number;
  /** The maximum size, if any. */
  readonly max?: number | undefined;
  /** `"i64"` when the memory or table is addressed with 64-bit indices. */
  readonly address?: "i32" | "i64" | undefined;
}

/** The type of a table: its element type and its limits. */
export interface TableType extends Limits {
  /** The reference type of the table's elements. */
  readonly element: RefType;
}

/** The type of a linear memory: its limits in 64 KiB pages, and whether it is shared. */
export interface MemoryType extends Limits {
  /** Whether the memory is shared (threads proposal). */
  readonly shared: boolean;
}

/** The type of an exception tag: the types of the values an exception of the tag carries. */
export interface TagType {
  /** The tag's function type: its parameters are the payload, it has no results. */
  readonly type: FuncType;
}

/**
 * The type of an importable or exportable item, tagged by its kind.
 *
 * @example
 * ```ts
 * for (const exp of module.exports()) {
 *   if (exp.type.kind === "func") console.log(exp.name, String(exp.type.type));
 * }
 * ```
 */
export type ExternType =
  | { readonly kind: "func"; readonly type: FuncType }
  | { readonly kind: "global"; readonly type: GlobalType }
  | { readonly kind: "table"; readonly type: TableType }
  | { readonly kind: "memory"; readonly type: MemoryType }
  | { readonly kind: "tag"; readonly type: TagType };

/** One import of a module: where it comes from and what it must be. */
export interface ImportType {
  /** The module name the import is looked up under. */
  readonly module: string;
  /** The field name within that module. */
  readonly name: string;
  /** What the import must be. */
  readonly type: ExternType;
}

/** One export of a module: its name and type. */
export interface ExportType {
  /** The export's name. */
  readonly name: string;
  /** What the export is. */
  readonly type: ExternType;
}
