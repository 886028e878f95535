import { type Caller, Val } from "@wasmcall/core-types";
import { jsOfVal } from "@wasmcall/runtime";
import * as baseline from "@wasmcall/strategy-baseline";
import * as funcstorage from "@wasmcall/strategy-funcstorage";
import * as storeAmortized from "@wasmcall/strategy-store-amortized";
import * as typedFunc from "@wasmcall/typed-func";
import { type CallSetup, closureSetup } from "./call-setup.js";
import { type Contestant, type ContestantId, contestantKey } from "./contestants.js";
import { freshRun, spreadArgs } from "./fresh-run.js";
import { valsOfJs } from "./vals-of-js.js";

/** The strategies whose `Caller` the bench measures, by name. */
const CALLER_STRATEGIES = {
  baseline: baseline.strategy,
  funcstorage: funcstorage.strategy,
  "store-amortized": storeAmortized.strategy,
  "typed-func": typedFunc.strategy,
} as const;

/**
 * How the raw contestants call the export `f` with the JS values in the array `a`, by API:
 * directly, through `apply`, or spreading `a`.
 */
const RAW_CALLS = {
  native: (arity: number) => `f(${spreadArgs(arity)})`,
  apply: () => "f.apply(null, a)",
  spread: () => "f(...a)",
} as const;

/**
 * Makes contestant `id` of a call workload: its closure calls `f` through that strategy and API
 * with the workload's arguments. A `closures` contestant calls through the strategy's native
 * API an instance of its own, in a store of an engine without generated code (see
 * `closureSetup`).
 *
 * @throws {Error} for a contestant the workload does not have, or whatever the strategy throws
 * while preparing.
 */
export function callContestant(setup: CallSetup, id: ContestantId): Contestant {
  const s = id.api === "closures" ? closureSetup(setup) : setup;
  return {
    ...id,
    workload: s.workload.name,
    callsPerRun: 1,
    expected: s.expected,
    ...makeCall(s, id),
  };
}

function makeCall(s: CallSetup, id: ContestantId): Pick<Contestant, "run" | "read"> {
  const { store, func } = s;
  // Result cells, reused by every call, as the runtime recommends: numbers land in place.
  const results = (): Val[] => func.ty().results.map(() => Val.cell());
  const readArray = (value: unknown) => value as readonly Val[];
  const name = contestantKey(s.workload.name, id);
  switch (`${id.strategy}/${id.api}`) {
    case "raw/native":
    case "raw/apply":
    case "raw/spread": {
      const a = s.params().map(jsOfVal);
      const expression = RAW_CALLS[id.api as keyof typeof RAW_CALLS](a.length);
      return {
        run: freshRun(name, { f: func.js, a }, expression),
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
    case "funcstorage/closures":
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
    case "store-amortized/closures":
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
