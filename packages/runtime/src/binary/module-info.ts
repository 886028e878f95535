import type { DefinedType, FuncType } from "@wasmcall/core-types";
import type { ExportType, ImportType } from "../extern-type.js";

/**
 * What the runtime needs to know about a module, read from its binary: its function types, and
 * its imports and exports with their types.
 */
export interface ModuleInfo {
  /** The type section's types (function, struct and array types), in index order. */
  readonly types: readonly DefinedType[];
  /** The imports, in order. */
  readonly imports: readonly ImportType[];
  /** The exports, in order. */
  readonly exports: readonly ExportType[];
  /** For each export, in order, the index of the item it exports within its kind's space. */
  readonly exportIndices: readonly number[];
  /** The type of every function index: imported functions first, then defined ones. */
  readonly funcTypes: readonly FuncType[];
  /** The number of imported functions (the first function indices). */
  readonly importedFuncCount: number;
}
