import type { CompositeType, DefinedType, FieldType } from "./defined-type.js";
import { DEFINED_TYPES } from "./defined-type-name.js";
import { FuncType } from "./func-type.js";
import { isValType, type ValType } from "./val-type.js";

/**
 * A value or storage type as a module states it before the registry names its types: a
 * reference to the K-th type of the same recursion group is written `$rec.K`
 * (`(ref null $rec.0)`); any other concrete type by its registry name.
 */
export type DraftType = string;

/** A field as a module states it (see {@link DraftType}). */
export interface DraftField {
  /** What it holds. */
  readonly storage: DraftType;
  /** Whether it can be set. */
  readonly mutable: boolean;
}

/** A composite type as a module states it (see {@link DraftType}). */
export type DraftComposite =
  | {
      readonly kind: "func";
      readonly params: readonly DraftType[];
      readonly results: readonly DraftType[];
    }
  | { readonly kind: "struct"; readonly fields: readonly DraftField[] }
  | { readonly kind: "array"; readonly element: DraftField };

/** A type of a recursion group as a module states it (see {@link registerRecGroup}). */
export interface TypeDraft {
  /** Its structure. */
  readonly composite: DraftComposite;
  /** Its declared supertype: a registry name, or `$rec.K` for a type of the same group. */
  readonly supertype: string | undefined;
  /** Whether it is final. */
  readonly final: boolean;
}

/** The names given to each recursion group registered so far, by the group's canonical text. */
const GROUPS = new Map<string, readonly string[]>();

/** The names of the recursion group each registered type belongs to, in the group's order. */
const GROUP_OF = new Map<string, readonly string[]>();

/** The number of types registered so far: what the next type's name counts from. */
let registered = 0;

const REC_REF = /^\(ref (null )?\$rec\.(\d+)\)$/;

/**
 * Registers a recursion group of defined types (WebAssembly 3.0's isorecursive types) and
 * returns its types as the registry holds them, in order. Equal groups are one: a group equal
 * to one registered before (same structure, same supertypes and finality, the same types
 * outside the group) gets that group's types, so equal types from two modules (or two engines)
 * have the same name and their reference types the same string. The registry lives as long as
 * the program and holds one entry per distinct group.
 *
 * The types are not validated (an engine does that when it compiles the module): a group is
 * refused only when a type it mentions is neither a value type, a packed type, nor a type of
 * the group.
 *
 * @example
 * ```ts
 * const [list] = registerRecGroup([{
 *   composite: { kind: "struct", fields: [
 *     { storage: "i32", mutable: false },
 *     { storage: "(ref null $rec.0)", mutable: true },
 *   ] },
 *   supertype: undefined,
 *   final: true,
 * }]);
 * list.name;                       // "$struct0" (the first type registered)
 * refType(list.name, true);        // "(ref null $struct0)"
 * ```
 * @throws {TypeError} for a type that names no value type, packed type or type of the group.
 */
export function registerRecGroup(drafts: readonly TypeDraft[]): readonly DefinedType[] {
  const key = JSON.stringify(drafts);
  const known = GROUPS.get(key);
  if (known !== undefined) return known.map((name) => DEFINED_TYPES.get(name) as DefinedType);
  const names = drafts.map((d, i) => `$${d.composite.kind}${registered + i}`);
  const resolve = (t: DraftType): string => {
    const m = REC_REF.exec(t);
    if (m === null) return t;
    const name = names[Number(m[2])];
    if (name === undefined)
      throw new TypeError(`no type ${t} in a recursion group of ${names.length}`);
    return m[1] === undefined ? `(ref ${name})` : `(ref null ${name})`;
  };
  const placeholder = {
    name: "",
    composite: { kind: "struct", fields: [] },
    supertype: undefined,
    final: true,
  };
  for (const name of names) DEFINED_TYPES.set(name, placeholder as DefinedType);
  try {
    const types = drafts.map((d, i) => {
      const supertype = d.supertype === undefined ? undefined : superName(d.supertype, names);
      // A plain function type is the same as any other with its parameters and results; one
      // declared otherwise is a type of its own (see `FuncType.defined`).
      const plain = d.final && d.supertype === undefined && drafts.length === 1;
      return Object.freeze({
        name: names[i] as string,
        composite: composite(d.composite, resolve, plain ? undefined : names[i]),
        supertype,
        final: d.final,
      });
    });
    for (const t of types) DEFINED_TYPES.set(t.name, t);
    for (const name of names) GROUP_OF.set(name, names);
    registered += names.length;
    GROUPS.set(key, names);
    return types;
  } catch (error) {
    for (const name of names) DEFINED_TYPES.delete(name);
    throw error;
  }
}

/**
 * The defined type the registry names `name` (`$struct3`), or undefined when no type of that
 * name was registered.
 */
export function definedType(name: string): DefinedType | undefined {
  const t = DEFINED_TYPES.get(name);
  return t === undefined || t.name === "" ? undefined : t;
}

function superName(supertype: string, names: readonly string[]): string {
  if (!supertype.startsWith("$rec.")) {
    if (!DEFINED_TYPES.has(supertype)) throw new TypeError(`unknown supertype ${supertype}`);
    return supertype;
  }
  const name = names[Number(supertype.slice(5))];
  if (name === undefined) throw new TypeError(`unknown supertype ${supertype}`);
  return name;
}

function composite(
  draft: DraftComposite,
  resolve: (t: DraftType) => string,
  defined: string | undefined,
): CompositeType {
  switch (draft.kind) {
    case "func": {
      const params = draft.params.map(resolve) as ValType[];
      const results = draft.results.map(resolve) as ValType[];
      return Object.freeze({ kind: "func", type: new FuncType(params, results, defined) });
    }
    case "struct":
      return Object.freeze({
        kind: "struct",
        fields: Object.freeze(draft.fields.map((f) => field(f, resolve))),
      });
    case "array":
      return Object.freeze({ kind: "array", element: field(draft.element, resolve) });
  }
}

function field(draft: DraftField, resolve: (t: DraftType) => string): FieldType {
  const storage = resolve(draft.storage);
  if (storage !== "i8" && storage !== "i16" && !isValType(storage)) {
    throw new TypeError(`malformed storage type ${storage}`);
  }
  return Object.freeze({ storage: storage as FieldType["storage"], mutable: draft.mutable });
}

/**
 * The names of the types of the recursion group registered type `name` belongs to, in order
 * (undefined for a name the registry does not know). A module that defines `name` defines the
 * whole group.
 */
export function recGroupOf(name: string): readonly string[] | undefined {
  return GROUP_OF.get(name);
}

/** The place of registered type `name` in registration order (what its name counts). */
export function registrationIndex(name: string): number {
  return Number(/\d+$/.exec(name)?.[0] ?? Number.NaN);
}
