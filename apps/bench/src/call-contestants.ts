import { type Caller, Val } from "@wasmcall/core-types";
import { type Func, Instance, jsOfVal, Module, type Store } from "@wasmcall/runtime";
import * as baseline from "@wasmcall/strategy-baseline";
import * as funcstorage from "@wasmcall/strategy-funcstorage";
import * as storeAmortized from "@wasmcall/strategy-store-amortized";
import * as typedFunc from "@wasmcall/typed-func";
import { type Contestant, type ContestantId, contestantKey } from "./contestants.js";
import { freshRun, spreadArgs } from "./fresh-run.js";
import { valsOfJs } from "./vals-of-js.js";
import type { CallWorkload } from "./workloads/workload.js";

/** What every contestant of one call workload shares: the instance, `f`, one call's values. */
export interface CallSetup {
  readonly workload: CallWorkload;
  readonly store: Store;
  readonly func: Func;
  /** The arguments as `Val`s, in an array of their own for each contestant. */
  readonly params: () => Val[];
  readonly expected: readonly Val[];
}

/** The strategies whose `Caller` the bench measures, by name. */
const CALLER_STRATEGIES = {
  baseline: baseline.strategy,
  funcstorage: funcstorage.strategy,
  "store-amortized": storeAmortized.strategy,
  "typed-func": typedFunc.strategy,
} as const;

/** Instantiates the module of `workload` (`bytes`) in `store` for its contestants. */
export function callSetup(workload: CallWorkload, store: Store, bytes: Uint8Array): CallSetup {
  const instance = new Instance(store, new Module(store.engine, bytes), []);
  const example = workload.example(instance);
  return {
    workload,
    store,
    func: instance.getFunc("f") as Func,
    params: () => [...example.args],
    expected: example.expected,
  };
}

/**
 * Makes contestant `id` of a call workload: its closure calls `f` through that strategy and API
 * with the workload's arguments.
 *
 * @throws {Error} for a contestant the workload does not have, or whatever the strategy throws
 * while preparing.
 */
export function callContestant(setup: CallSetup, id: ContestantId): Contestant {
  return {
    ...id,
    workload: setup.workload.name,
    callsPerRun: 1,
    expected: setup.expected,
    ...makeCall(setup, id),
  };
}

function makeCall(s: CallSetup, id: ContestantId): Pick<Contestant, "run" | "read"> {
  const { store, func } = s;
  // Result cells, reused by every call, as the runtime recommends: numbers land in place.
  const results = (): Val[] => func.ty().results.map(() => Val.cell());
  const readArray = (value: unknown) => value as readonly Val[];
  const name = contestantKey(s.workload.name, id);
  switch (`${id.strategy}/${id.api}`) {
    case "raw/native": {
      const a = s.params().map(jsOfVal);
      return {
        run: freshRun(name, { f: func.js, a }, `f(${spreadArgs(a.length)})`),
        read: (value) => valsOfJs(store, s.workload.results, value),
      };
    }
    case "typed-func/native": {
      const type = func.ty();
      const t = typedFunc.typed(func, type.params, type.results);
      const a = s.params().map(typedValueOf);
      return {
        run: freshRun(name, { t, a }, `t.call(${spreadArgs(a.length)})`),
        read: (value) => valsOfJs(store, s.workload.results, value),
      };
    }
    case "baseline/native":
      return {
        run: freshRun(
          name,
          { call: baseline.call, store, func, params: s.params() },
          "call(store, func, params)",
        ),
        read: readArray,
      };
    case "funcstorage/native":
      return {
        run: freshRun(
          name,
          {
            callWithStorage: funcstorage.callWithStorage,
            store,
            func,
            storage: new funcstorage.FuncStorage(store.engine, func.ty()),
            params: s.params(),
            results: results(),
          },
          "(callWithStorage(store, func, storage, params, results), results)",
        ),
        read: readArray,
      };
    case "store-amortized/native":
      return {
        run: freshRun(
          name,
          { call: storeAmortized.call, store, func, params: s.params(), results: results() },
          "(call(store, func, params, results), results)",
        ),
        read: readArray,
      };
    default:
      if (id.api === "caller" && id.strategy in CALLER_STRATEGIES) {
        const strategy = CALLER_STRATEGIES[id.strategy as keyof typeof CALLER_STRATEGIES];
        const caller: Caller = strategy.prepare(store, func);
        return {
          run: freshRun(
            name,
            { caller, params: s.params(), results: results() },
            "(caller.call(params, results), results)",
          ),
          read: readArray,
        };
      }
      throw new Error(`${s.workload.name} has no contestant ${id.strategy}/${id.api}`);
  }
}

/** The value a typed call takes for `val`: a number, bigint, `V128`, `Func` or any value. */
function typedValueOf(val: Val): unknown {
  switch (val.type) {
    case "i32":
      return val.i32();
    case "i64":
      return val.i64();
    case "f32":
      return val.f32();
    case "f64":
      return val.f64();
    case "v128":
      return val.v128();
    case "funcref":
      return val.funcref();
    case "externref":
      return val.externref();
  }
}
