import type { FuncType } from "@wasmcall/core-types";
import { Func } from "./func.js";
import type { Module } from "./module.js";
import type { Store } from "./store.js";
import { hasType, isWasmFunction } from "./type-probe.js";

/** What a store knows of the functions its instances can hand out. */
interface Candidates {
  /** The type of every function of a module instantiated in the store, in first-seen order. */
  readonly types: Set<FuncType>;
  /**
   * The `funcTypes` (type by function index) of those modules, held weakly: a module may be
   * dropped while the store lives.
   */
  modules: WeakRef<readonly FuncType[]>[];
  readonly seen: WeakSet<readonly FuncType[]>;
}

const candidatesOf = new WeakMap<Store, Candidates>();
const distinctTypes = new WeakMap<readonly FuncType[], readonly FuncType[]>();

/**
 * Records that `module` is instantiated in `store`: its functions may reach the store's host
 * from now on (a start function may hand one to a host function), so their types become
 * candidates for {@link identifyFunc}.
 */
export function noteInstantiation(store: Store, module: Module): void {
  let candidates = candidatesOf.get(store);
  if (candidates === undefined) {
    candidates = { types: new Set(), modules: [], seen: new WeakSet() };
    candidatesOf.set(store, candidates);
  }
  const funcTypes = module.funcTypes;
  if (candidates.seen.has(funcTypes)) return;
  candidates.seen.add(funcTypes);
  candidates.modules = candidates.modules.filter((ref) => ref.deref() !== undefined);
  candidates.modules.push(new WeakRef(funcTypes));
  for (const type of distinctOf(funcTypes)) candidates.types.add(type);
}

/**
 * The `Func` of a wasm function object of `store` that the store has not seen yet (one that
 * reached the host from a table, a funcref result or parameter, or a global, without ever
 * being exported), made and remembered; `undefined` when `js` is no wasm function, or has the
 * type of no function of a module instantiated in the store.
 *
 * The module is compiled from the caller's bytes as they are, so nothing lists its functions:
 * the type is asked of the engine instead (see {@link hasType}), of the candidates in this
 * order: the type of function `i` in the store's modules, where the engine names the function
 * `i` (the JS API names a wasm function object after its index), then every other type of the
 * store's modules with as many parameters. The function is named `func[i]` after that index,
 * or `funcref` where the engine gives none.
 */
export function identifyFunc(store: Store, js: unknown): Func | undefined {
  if (typeof js !== "function" || !isWasmFunction(js)) return undefined;
  const candidates = candidatesOf.get(store);
  if (candidates === undefined) return undefined;
  const arity = js.length;
  const index = /^(0|[1-9][0-9]{0,9})$/.test(js.name) ? Number(js.name) : undefined;
  const tried = new Set<FuncType>();
  const fits = (type: FuncType | undefined): type is FuncType => {
    if (type === undefined || type.params.length !== arity || tried.has(type)) return false;
    tried.add(type);
    return hasType(store.engine, type, js);
  };
  let found: FuncType | undefined;
  if (index !== undefined) {
    for (const ref of candidates.modules) {
      const type = ref.deref()?.[index];
      if (fits(type)) {
        found = type;
        break;
      }
    }
  }
  if (found === undefined) {
    for (const type of candidates.types) {
      if (fits(type)) {
        found = type;
        break;
      }
    }
  }
  if (found === undefined) return undefined;
  return Func.fromWasm(store, js, found, index === undefined ? "funcref" : `func[${index}]`);
}

/** The types in `funcTypes`, each once (worked out once per module). */
function distinctOf(funcTypes: readonly FuncType[]): readonly FuncType[] {
  let distinct = distinctTypes.get(funcTypes);
  if (distinct === undefined) {
    distinct = [...new Set(funcTypes)];
    distinctTypes.set(funcTypes, distinct);
  }
  return distinct;
}
