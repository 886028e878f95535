import { LinkError, StoreMismatchError, typeName } from "@wasmcall/core-types";
import { externTypeOf } from "./extern.js";
import type { ExternType, ImportType } from "./extern-type.js";
import { externTypeText } from "./extern-type-text.js";
import { Func } from "./func.js";
import { Global } from "./global.js";
import { Memory } from "./memory.js";
import type { Store } from "./store.js";
import { Table } from "./table.js";

/**
 * The type of `item`, given for the import `imp` of a module instantiated in `store`, after
 * checking that it is a {@link Func}, {@link Global}, {@link Table} or {@link Memory} of `store`.
 *
 * @throws {LinkError} naming the import when `item` is none of these.
 * @throws {StoreMismatchError} naming the import when `item` belongs to another store.
 */
export function importItemType(store: Store, imp: ImportType, item: unknown): ExternType {
  if (!isExtern(item)) {
    throw new LinkError(
      imp.module,
      imp.name,
      `incompatible import type: expected ${externTypeText(imp.type)}, found ${typeName(item)} (not a Func, Global, Table or Memory)`,
    );
  }
  const owner = Func.is(item) ? Func.storeOf(item) : item.store;
  if (owner !== store) {
    throw new StoreMismatchError(
      `import "${imp.module}" "${imp.name}": the item belongs to another store`,
    );
  }
  return externTypeOf(item);
}

function isExtern(item: unknown): item is Func | Global | Table | Memory {
  return (
    Func.is(item) ||
    (item instanceof Global && item.js instanceof WebAssembly.Global) ||
    (item instanceof Table && item.js instanceof WebAssembly.Table) ||
    (item instanceof Memory && item.js instanceof WebAssembly.Memory)
  );
}
