import { LinkError, StoreMismatchError, typeName } from "@wasmcall/core-types";
import { externTypeOf } from "./extern.js";
import type { ExternType, ImportType } from "./extern-type.js";
import { externTypeText } from "./extern-type-text.js";
import { Func } from "./func.js";
import { Global } from "./global.js";
import { Memory } from "./memory.js";
import type { Store } from "./store.js";
import { Table } from "./table.js";
import { Tag } from "./tag.js";

/**
 * The type of `item`, given for the import `imp` of a module instantiated in `store`, after
 * checking that it is a {@link Func}, {@link Global}, {@link Table}, {@link Memory} or {@link Tag}
 * of `store`:
 * a `Func` by its brand, the others by the store's own record of the wrappers it made (an
 * object made to look like one, or one whose `store` or `js` was changed, is not one).
 *
 * @throws {LinkError} naming the import when `item` is none of these.
 * @throws {StoreMismatchError} naming the import when `item` belongs to another store or was
 * not made by `store`.
 */
export function importItemType(store: Store, imp: ImportType, item: unknown): ExternType {
  if (!isExtern(item)) {
    throw new LinkError(
      imp.module,
      imp.name,
      `incompatible import type: expected ${externTypeText(imp.type)}, found ${typeName(item)} (not a Func, Global, Table, Memory or Tag)`,
    );
  }
  const where = `import "${imp.module}" "${imp.name}"`;
  const func = Func.is(item);
  if (func ? Func.storeOf(item) !== store : item.store !== store) {
    throw new StoreMismatchError(`${where}: the item belongs to another store`);
  }
  if (!func && store.knownExtern(item.js) !== item) {
    throw new StoreMismatchError(
      `${where}: the ${typeName(item)} was not made by this store (only a store's own globals, tables, memories and tags may be imported)`,
    );
  }
  return externTypeOf(item);
}

function isExtern(item: unknown): item is Func | Global | Table | Memory | Tag {
  return (
    Func.is(item) ||
    (item instanceof Global && item.js instanceof WebAssembly.Global) ||
    (item instanceof Table && item.js instanceof WebAssembly.Table) ||
    (item instanceof Memory && item.js instanceof WebAssembly.Memory) ||
    (item instanceof Tag && Tag.isEngineTag(item.js))
  );
}
