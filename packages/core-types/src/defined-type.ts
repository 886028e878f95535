import type { FuncType } from "./func-type.js";
import type { ValType } from "./val-type.js";

/** What a struct field or an array element holds: a value type, or a packed 8- or 16-bit integer. */
export type StorageType = ValType | "i8" | "i16";

/** A struct field or an array's element: its storage type and whether it can be set. */
export interface FieldType {
  /** What it holds. */
  readonly storage: StorageType;
  /** Whether `struct.set` / `array.set` may change it. */
  readonly mutable: boolean;
}

/** A struct type: its fields, in order. */
export interface StructType {
  /** Says which composite type this is. */
  readonly kind: "struct";
  /** The fields, in order. */
  readonly fields: readonly FieldType[];
}

/** An array type: the type of its elements. */
export interface ArrayType {
  /** Says which composite type this is. */
  readonly kind: "array";
  /** What every element holds. */
  readonly element: FieldType;
}

/** A function type as a defined type (see {@link DefinedType}). */
export interface FuncComposite {
  /** Says which composite type this is. */
  readonly kind: "func";
  /** The signature. */
  readonly type: FuncType;
}

/** What a defined type is made of: a function, struct or array type. */
export type CompositeType = FuncComposite | StructType | ArrayType;

/**
 * A type defined in a module's type section (WebAssembly 3.0), as the type registry holds it
 * once for every module that defines an equal one: its name, what it is made of, its declared
 * supertype and whether it is final (no subtypes allowed).
 */
export interface DefinedType {
  /** The name the registry gave it (`$struct3`): what its reference types are written with. */
  readonly name: string;
  /** Its structure. */
  readonly composite: CompositeType;
  /** The registry name of its declared supertype, if it has one. */
  readonly supertype: string | undefined;
  /** Whether it is final. */
  readonly final: boolean;
}
