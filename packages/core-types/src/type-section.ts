import type { CompositeType, DefinedType, StorageType } from "./defined-type.js";
import { DEFINED_TYPES } from "./defined-type-name.js";
import { isAbstractHeapType } from "./heap-type.js";
import { recGroupOf, registrationIndex } from "./type-registry.js";
import { refParts, type ValType } from "./val-type.js";

/** The one-byte code of each value type that has one. */
const ONE_BYTE: Readonly<Record<string, number>> = Object.freeze({
  i32: 0x7f,
  i64: 0x7e,
  f32: 0x7d,
  f64: 0x7c,
  v128: 0x7b,
  i8: 0x78,
  i16: 0x77,
  nullexnref: 0x74,
  nullfuncref: 0x73,
  nullexternref: 0x72,
  nullref: 0x71,
  funcref: 0x70,
  externref: 0x6f,
  anyref: 0x6e,
  eqref: 0x6d,
  i31ref: 0x6c,
  structref: 0x6b,
  arrayref: 0x6a,
  exnref: 0x69,
});

/** The code of each abstract heap type. */
const HEAP_CODE: Readonly<Record<string, number>> = Object.freeze({
  noexn: 0x74,
  nofunc: 0x73,
  noextern: 0x72,
  none: 0x71,
  func: 0x70,
  extern: 0x6f,
  any: 0x6e,
  eq: 0x6d,
  i31: 0x6c,
  struct: 0x6b,
  array: 0x6a,
  exn: 0x69,
});

/**
 * The type section a generated module needs to name the defined types `names` (registry names,
 * `$struct3`): the recursion groups of those types and of every type they mention, in an order
 * where each group comes after those it refers to, so that the engine canonicalises them to the
 * same types as the modules that defined them. `indexOf` gives each defined type's index in the
 * section; `extra` encoded types (function types of the generated module's own, bytes from
 * {@link encodeComposite}) follow as groups of one.
 */
export interface TypeSection {
  /** The section's content: the count of groups, then the groups. */
  readonly bytes: number[];
  /** The type index of each defined type written. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** The number of types written before the extra ones. */
  readonly definedCount: number;
}

/** The names of the defined types value type `type` mentions (none for a non-concrete type). */
function mentioned(type: string): string[] {
  const parts = refParts(type);
  return parts === undefined || isAbstractHeapType(parts.heap) ? [] : [parts.heap];
}

function mentionedBy(t: DefinedType): string[] {
  const out: string[] = t.supertype === undefined ? [] : [t.supertype];
  const c = t.composite;
  if (c.kind === "func")
    for (const v of [...c.type.params, ...c.type.results]) out.push(...mentioned(v));
  else if (c.kind === "struct") for (const f of c.fields) out.push(...mentioned(f.storage));
  else out.push(...mentioned(c.element.storage));
  return out;
}

/**
 * Builds the {@link TypeSection} for `names` and the `extra` composite types (functions of the
 * generated module, given as value types; encoded after the defined types).
 *
 * @throws {TypeError} for a name the registry does not know.
 */
export function typeSection(
  names: readonly string[],
  extra: readonly { params: readonly ValType[]; results: readonly ValType[] }[] = [],
): TypeSection {
  const groups = new Map<string, readonly string[]>();
  const pending = [...names];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const group = recGroupOf(name);
    if (group === undefined) throw new TypeError(`unknown defined type ${name}`);
    const first = group[0] as string;
    if (groups.has(first)) continue;
    groups.set(first, group);
    for (const member of group)
      pending.push(...mentionedBy(DEFINED_TYPES.get(member) as DefinedType));
  }
  const ordered = [...groups.values()].sort(
    (a, b) => registrationIndex(a[0] as string) - registrationIndex(b[0] as string),
  );
  const indexOf = new Map<string, number>();
  let next = 0;
  for (const group of ordered) for (const name of group) indexOf.set(name, next++);
  const bytes: number[] = [...leb(ordered.length + extra.length)];
  for (const group of ordered) {
    if (group.length > 1) bytes.push(0x4e, ...leb(group.length));
    for (const name of group)
      bytes.push(...encodeSubType(DEFINED_TYPES.get(name) as DefinedType, indexOf));
  }
  for (const f of extra) {
    bytes.push(...encodeComposite({ kind: "func", params: f.params, results: f.results }, indexOf));
  }
  return { bytes, indexOf, definedCount: next };
}

function encodeSubType(t: DefinedType, indexOf: ReadonlyMap<string, number>): number[] {
  const c = t.composite;
  const composite =
    c.kind === "func"
      ? encodeComposite({ kind: "func", params: c.type.params, results: c.type.results }, indexOf)
      : encodeComposite(c, indexOf);
  if (t.final && t.supertype === undefined) return composite;
  const supers = t.supertype === undefined ? [0] : [1, ...leb(indexOf.get(t.supertype) as number)];
  return [t.final ? 0x4f : 0x50, ...supers, ...composite];
}

/**
 * The binary encoding of a composite type whose defined types are at `indexOf`: a function
 * type given by its value types, or a struct or array type.
 */
export function encodeComposite(
  c:
    | { kind: "func"; params: readonly ValType[]; results: readonly ValType[] }
    | Exclude<CompositeType, { kind: "func" }>,
  indexOf: ReadonlyMap<string, number>,
): number[] {
  if (c.kind === "func") {
    const out = [0x60, ...leb(c.params.length)];
    for (const t of c.params) out.push(...encodeValType(t, indexOf));
    out.push(...leb(c.results.length));
    for (const t of c.results) out.push(...encodeValType(t, indexOf));
    return out;
  }
  if (c.kind === "struct") {
    const out = [0x5f, ...leb(c.fields.length)];
    for (const f of c.fields) out.push(...encodeValType(f.storage, indexOf), f.mutable ? 1 : 0);
    return out;
  }
  return [0x5e, ...encodeValType(c.element.storage, indexOf), c.element.mutable ? 1 : 0];
}

/** The binary encoding of value or storage type `type`, its defined types at `indexOf`. */
export function encodeValType(type: StorageType, indexOf: ReadonlyMap<string, number>): number[] {
  const code = ONE_BYTE[type];
  if (code !== undefined) return [code];
  const parts = refParts(type);
  if (parts === undefined) throw new TypeError(`not a value type: ${type}`);
  return [parts.nullable ? 0x63 : 0x64, ...encodeHeapType(parts.heap, indexOf)];
}

/** The binary encoding of heap type `heap` (abstract, or a defined type at `indexOf`). */
export function encodeHeapType(heap: string, indexOf: ReadonlyMap<string, number>): number[] {
  const code = HEAP_CODE[heap];
  if (code !== undefined) return [code];
  const index = indexOf.get(heap);
  if (index === undefined) throw new TypeError(`no index for the defined type ${heap}`);
  return sleb(index);
}

/** An unsigned LEB128 integer. */
export function leb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    const byte = v & 0x7f;
    v = Math.floor(v / 128);
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
  return out;
}

/** A signed LEB128 integer (non-negative here: a type index as an s33). */
function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  for (;;) {
    const byte = v & 0x7f;
    v = Math.floor(v / 128);
    if (v === 0 && (byte & 0x40) === 0) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}
