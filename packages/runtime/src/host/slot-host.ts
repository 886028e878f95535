import {
  ArityMismatchError,
  type FuncType,
  TypeMismatchError,
  typeName,
  type Val,
  type ValType,
} from "@wasmcall/core-types";
import { isValFor } from "../call/arg-tests.js";
import type { HostCallback } from "../func.js";
import type { Slots } from "../slots.js";
import { zeroOf } from "./host-source.js";

/**
 * The dispatcher of a host function of `type` called through the slot trampoline (see
 * `Func.hostRaw`), closures written for any type: it reads the parameters from the store's
 * slots into fresh `Val`s, calls `callback` with fresh arrays (the results prefilled with zero
 * values), checks the results and writes them to the slots. Errors name `subject`. What every
 * signature with v128 or several results takes, and every signature where the host refuses
 * `new Function`.
 */
export function slotHost(
  slots: Slots,
  type: FuncType,
  callback: HostCallback,
  subject: string,
): () => void {
  // Plain copies: engines read frozen arrays by a variable index through a slow generic path.
  const paramTypes = [...type.params];
  const resultTypes = [...type.results];
  const zeros = resultTypes.map(zeroOf);
  return () => {
    const params: Val[] = new Array(paramTypes.length);
    for (let i = 0; i < params.length; i++) {
      slots.readInto(params, i, i, paramTypes[i] as ValType);
    }
    const results = zeros.slice() as Val[];
    callback(params, results);
    if (results.length !== resultTypes.length) {
      throw new ArityMismatchError(subject, "results", resultTypes.length, results.length);
    }
    // Each result read once, and all checked before the first is written: reading one may
    // run code (a getter the callback defined) that makes a call through the same slots.
    const checked: Val[] = new Array(resultTypes.length);
    for (let i = 0; i < resultTypes.length; i++) {
      const v = results[i];
      const r = resultTypes[i] as ValType;
      if (!isValFor(v, r)) {
        throw new TypeMismatchError(`${subject}: result ${i}`, r, typeName(v));
      }
      checked[i] = v as Val;
    }
    for (let i = 0; i < resultTypes.length; i++) {
      slots.write(i, checked[i] as Val, `${subject}: result ${i}`);
    }
  };
}
