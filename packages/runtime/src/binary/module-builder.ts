import {
  encodeHeapType,
  encodeValType,
  type FuncType,
  isAbstractHeapType,
  type RefType,
  refParts,
  typeSection,
  type ValType,
} from "@wasmcall/core-types";
import { ByteWriter } from "./byte-writer.js";
import { EXTERN_KIND, MODULE_HEADER, OP, SECTION } from "./wasm-encoding.js";

interface Signature {
  readonly params: readonly ValType[];
  readonly results: readonly ValType[];
}

/**
 * Writes an import's description, once {@link ModuleBuilder.finish} has placed the types (the
 * defined types the module repeats first).
 */
type ImportDesc = (w: ByteWriter) => void;

interface FuncDef {
  readonly type: number;
  readonly locals: readonly ValType[];
  readonly body: (w: ByteWriter) => void;
}

interface GlobalDef {
  readonly type: ValType;
  readonly mutable: boolean;
  readonly init: (w: ByteWriter) => void;
}

/**
 * Builds small WebAssembly modules in the binary format: the trampolines, accessors and
 * constant globals the runtime generates. Indices returned by the `import*` methods come before
 * those of definitions, as in the binary format, so declare all imports first.
 *
 * Value types may be any of WebAssembly 3.0: the defined (struct, array, function) types they
 * mention are written first in the type section, with their whole recursion groups and the
 * groups those mention (see `typeSection`), so the engine takes them for the same types as the
 * modules that defined them. A body that names a defined type in an instruction (`ref.cast`)
 * declares it with {@link ModuleBuilder.useHeap} and writes it with
 * {@link ModuleBuilder.heapType}.
 */
export class ModuleBuilder {
  /** The function types: written out plainly, or a defined type's (by registry name). */
  readonly #types: (Signature | { readonly defined: string })[] = [];
  /** Where each of {@link ModuleBuilder.#types} is in the type section, while `finish` runs. */
  #typeIndex: readonly number[] = [];
  readonly #imports: { module: string; name: string; kind: number; desc: ImportDesc }[] = [];
  readonly #funcs: FuncDef[] = [];
  readonly #globals: GlobalDef[] = [];
  readonly #tags: number[] = [];
  readonly #tables: { element: RefType; min: number }[] = [];
  readonly #exports: { name: string; kind: number; index: number }[] = [];
  /** The defined types the module's value types and instructions mention, by registry name. */
  readonly #heaps = new Set<string>();
  /** Where each defined type is in the type section, while {@link ModuleBuilder.finish} runs. */
  #indexOf: ReadonlyMap<string, number> = new Map();
  #importedFuncs = 0;
  #importedTables = 0;
  #importedGlobals = 0;
  #importedTags = 0;

  /** Declares that the module names heap type `heap` (a defined type's registry name, or abstract). */
  useHeap(heap: string): void {
    if (!isAbstractHeapType(heap)) this.#heaps.add(heap);
  }

  /** Writes heap type `heap` (declared with {@link ModuleBuilder.useHeap}) into a body. */
  heapType(w: ByteWriter, heap: string): void {
    w.bytes(encodeHeapType(heap, this.#indexOf));
  }

  #note(types: readonly ValType[]): void {
    for (const t of types) {
      const parts = refParts(t);
      if (parts !== undefined) this.useHeap(parts.heap);
    }
  }

  /** Adds (or finds) the function type `(params) -> (results)` and returns its index. */
  type(params: readonly ValType[], results: readonly ValType[]): number {
    this.#note(params);
    this.#note(results);
    const key = `${params}->${results}`;
    const found = this.#types.findIndex(
      (t) => "params" in t && `${t.params}->${t.results}` === key,
    );
    if (found >= 0) return found;
    this.#types.push({ params, results });
    return this.#types.length - 1;
  }

  /**
   * Adds (or finds) the function type `type` exactly as its module declared it, and returns
   * its index: a defined type (see `FuncType.defined`) with its whole recursion group, which
   * a function of it must be imported as; a plain type as {@link ModuleBuilder.type} does.
   */
  funcType(type: FuncType): number {
    const defined = type.defined;
    if (defined === undefined) return this.type(type.params, type.results);
    this.useHeap(defined);
    const found = this.#types.findIndex((t) => "defined" in t && t.defined === defined);
    if (found >= 0) return found;
    this.#types.push({ defined });
    return this.#types.length - 1;
  }

  /** Imports a function of type index `type`; returns its function index. */
  importFunc(module: string, name: string, type: number): number {
    this.#imports.push({
      module,
      name,
      kind: EXTERN_KIND.func,
      desc: (w) => w.u32(this.#typeIndex[type] as number),
    });
    return this.#importedFuncs++;
  }

  /** Imports a memory of at least `min` pages. */
  importMemory(module: string, name: string, min: number): void {
    this.#imports.push({
      module,
      name,
      kind: EXTERN_KIND.memory,
      desc: (w) => w.byte(0x00).u32(min),
    });
  }

  /** Imports a table of `element`s, at least `min` long; returns its table index. */
  importTable(module: string, name: string, element: RefType, min: number): number {
    this.#note([element]);
    this.#imports.push({
      module,
      name,
      kind: EXTERN_KIND.table,
      desc: (w) => w.bytes(encodeValType(element, this.#indexOf)).byte(0x00).u32(min),
    });
    return this.#importedTables++;
  }

  /** Imports a tag (an exception tag) of function type index `type`; returns its tag index. */
  importTag(module: string, name: string, type: number): number {
    this.#imports.push({
      module,
      name,
      kind: EXTERN_KIND.tag,
      desc: (w) => w.byte(0x00).u32(this.#typeIndex[type] as number),
    });
    return this.#importedTags++;
  }

  /** Writes the block type of function type index `type` (a block with its results) into a body. */
  blockType(w: ByteWriter, type: number): void {
    w.s32(this.#typeIndex[type] as number);
  }

  /** Imports a global of `type`; returns its global index. */
  importGlobal(module: string, name: string, type: ValType, mutable: boolean): number {
    this.#note([type]);
    this.#imports.push({
      module,
      name,
      kind: EXTERN_KIND.global,
      desc: (w) => w.bytes(encodeValType(type, this.#indexOf)).byte(mutable ? 1 : 0),
    });
    return this.#importedGlobals++;
  }

  /** Defines a function of type index `type` with extra `locals`; returns its function index. */
  func(type: number, locals: readonly ValType[], body: (w: ByteWriter) => void): number {
    this.#note(locals);
    this.#funcs.push({ type, locals, body });
    return this.#importedFuncs + this.#funcs.length - 1;
  }

  /** Defines a table of `min` null `element`s; returns its table index. */
  table(element: RefType, min: number): number {
    this.#note([element]);
    this.#tables.push({ element, min });
    return this.#importedTables + this.#tables.length - 1;
  }

  /** Defines a tag of function type index `type`; returns its tag index. */
  tag(type: number): number {
    this.#tags.push(type);
    return this.#importedTags + this.#tags.length - 1;
  }

  /** Defines a global whose constant initializer `init` writes; returns its global index. */
  global(type: ValType, mutable: boolean, init: (w: ByteWriter) => void): number {
    this.#note([type]);
    this.#globals.push({ type, mutable, init });
    return this.#importedGlobals + this.#globals.length - 1;
  }

  /** Exports item `index` of `kind` under `name`. */
  export(name: string, kind: keyof typeof EXTERN_KIND, index: number): void {
    this.#exports.push({ name, kind: EXTERN_KIND[kind], index });
  }

  /** The module's bytes. */
  finish(): Uint8Array {
    const w = new ByteWriter().bytes(MODULE_HEADER);
    const plain = this.#types.filter((t): t is Signature => "params" in t);
    const types = typeSection([...this.#heaps], plain);
    this.#indexOf = types.indexOf;
    let next = types.definedCount;
    this.#typeIndex = this.#types.map((t) =>
      "defined" in t ? (types.indexOf.get(t.defined) as number) : next++,
    );
    const valType = (t: ValType, o: ByteWriter) => o.bytes(encodeValType(t, types.indexOf));
    w.section(SECTION.type, (s) => s.bytes(types.bytes));
    if (this.#imports.length > 0) {
      w.section(SECTION.import, (s) =>
        s.vec(this.#imports, (imp, o) => {
          o.name(imp.module).name(imp.name).byte(imp.kind);
          imp.desc(o);
        }),
      );
    }
    if (this.#funcs.length > 0) {
      w.section(SECTION.function, (s) =>
        s.vec(this.#funcs, (f, o) => o.u32(this.#typeIndex[f.type] as number)),
      );
    }
    if (this.#tables.length > 0) {
      w.section(SECTION.table, (s) =>
        s.vec(this.#tables, (t, o) => {
          valType(t.element, o);
          o.byte(0x00).u32(t.min);
        }),
      );
    }
    if (this.#tags.length > 0) {
      w.section(SECTION.tag, (s) =>
        s.vec(this.#tags, (type, o) => o.byte(0x00).u32(this.#typeIndex[type] as number)),
      );
    }
    if (this.#globals.length > 0) {
      w.section(SECTION.global, (s) =>
        s.vec(this.#globals, (g, o) => {
          valType(g.type, o);
          o.byte(g.mutable ? 1 : 0);
          g.init(o);
          o.byte(OP.end);
        }),
      );
    }
    if (this.#exports.length > 0) {
      w.section(SECTION.export, (s) =>
        s.vec(this.#exports, (e, o) => o.name(e.name).byte(e.kind).u32(e.index)),
      );
    }
    if (this.#funcs.length > 0) {
      w.section(SECTION.code, (s) =>
        s.vec(this.#funcs, (f, o) => {
          const body = new ByteWriter();
          body.vec(f.locals, (t, b) => {
            b.u32(1);
            valType(t, b);
          });
          f.body(body);
          body.byte(OP.end);
          o.u32(body.length).bytes(body.finish());
        }),
      );
    }
    return w.finish();
  }
}
