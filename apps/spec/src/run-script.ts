import { type Caller, CompileError, LinkError, Trap, type Val } from "@wasmcall/core-types";
import { type Engine, type Func, type Instance, Linker, Module, Store } from "@wasmcall/runtime";
import type { HostRefs } from "./host-refs.js";
import type { Invoker } from "./invoker.js";
import type { ModuleCache } from "./module-cache.js";
import { failed, formatError, type Outcome, passed, skipped } from "./outcome.js";
import type { SpecAction, SpecCommand } from "./spec-format.js";
import { type Expected, formatVal, type LaneType, parseArg, parseExpected } from "./spec-value.js";
import { defineSpectest } from "./spectest-module.js";
import { count, emptyTally, type Tally } from "./tally.js";
import { isTrapFor } from "./trap-text.js";

/** The skip category of a text module that wabt assembles and the runtime compiles. */
export const TEXT_ACCEPTED = "text module accepted by the wabt text parser";

/** One script of the suite, ready to run under any number of invokers. */
export interface Script {
  /** The script's folder name (`i32`). */
  readonly name: string;
  /** Where its lines are: `i32/i32.wast`. */
  readonly source: string;
  /** The commands, in order. */
  readonly commands: readonly SpecCommand[];
  /** The script's modules, compiled once for every run. */
  readonly modules: ModuleCache;
  /** The script's host references, shared by every run. */
  readonly refs: HostRefs;
}

/** A command that failed. */
export interface Failure {
  /** `i32/i32.wast:64`. */
  readonly where: string;
  /** The command's kind: `assert_return`, `assert_invalid`, `module`, ... */
  readonly type: string;
  /** The command as text: `assert_return invoke "add"(i32:1, i32:2)`. */
  readonly command: string;
  /** What should have happened. */
  readonly expected: string;
  /** What happened. */
  readonly actual: string;
}

/** A command that was skipped, and why (its category). */
export interface Skip {
  /** `i32/i32.wast:64`. */
  readonly where: string;
  /** The skip's category. */
  readonly reason: string;
}

/** What one run of a script gave. */
export interface ScriptResult {
  /** Commands by outcome. */
  readonly tally: Tally;
  /** Commands by outcome, per command kind (`assert_return`, `assert_malformed (text)`, ...). */
  readonly kinds: Record<string, Tally>;
  /** Every failure, in script order. */
  readonly failures: readonly Failure[];
  /** Every skip, in script order. */
  readonly skips: readonly Skip[];
}

/**
 * Runs every command of `script` with `invoker`, in a fresh store and linker of `engine` with
 * the `spectest` module defined: each command's outcome is counted, failures and skips are
 * listed. Never throws for what a command does.
 */
export function runScript(script: Script, invoker: Invoker, engine: Engine): ScriptResult {
  const run = new ScriptRun(script, invoker, engine);
  const tally = emptyTally();
  const kinds: Record<string, Tally> = {};
  const failures: Failure[] = [];
  const skips: Skip[] = [];
  for (const command of script.commands) {
    const outcome = run.execute(command);
    const kind = kindOf(command);
    kinds[kind] ??= emptyTally();
    count(kinds[kind], outcome);
    count(tally, outcome);
    const where = `${script.source}:${command.line}`;
    if (outcome.status === "failed") {
      const { expected, actual } = outcome;
      const text = describeCommand(command, script.refs);
      failures.push({ where, type: command.type, command: text, expected, actual });
    } else if (outcome.status === "skipped") {
      skips.push({ where, reason: outcome.reason });
    }
  }
  return { tally, kinds, failures, skips };
}

/** The kind a command is counted under: its type, marked when its module is text. */
function kindOf(command: SpecCommand): string {
  return command.module_type === "text" ? `${command.type} (text)` : command.type;
}

/** The state of one run: the store, the linker, the instances and the prepared callers. */
class ScriptRun {
  readonly #script: Script;
  readonly #invoker: Invoker;
  readonly #store: Store;
  readonly #linker: Linker;
  readonly #named = new Map<string, Instance>();
  readonly #callers = new Map<Func, Caller>();
  #current: Instance | undefined;

  constructor(script: Script, invoker: Invoker, engine: Engine) {
    this.#script = script;
    this.#invoker = invoker;
    this.#store = new Store(engine);
    this.#linker = new Linker(engine);
    this.#linker.allowShadowing = true;
    defineSpectest(this.#linker, this.#store);
  }

  /** Runs `command`; whatever it throws that no assertion expects is its failure. */
  execute(command: SpecCommand): Outcome {
    try {
      return this.#dispatch(command);
    } catch (error) {
      return failed("the command to run", formatError(error));
    }
  }

  #dispatch(c: SpecCommand): Outcome {
    switch (c.type) {
      case "module":
        return this.#module(c);
      case "register":
        return this.#register(c);
      case "action":
        this.#act(need(c.action, "action"));
        return passed();
      case "assert_return":
        return this.#assertReturn(c);
      case "assert_trap":
        return c.action === undefined ? this.#assertModuleTrap(c) : this.#assertTrap(c);
      case "assert_exhaustion":
        return this.#assertExhaustion(c);
      case "assert_invalid":
      case "assert_malformed":
        return this.#assertInvalid(c);
      case "assert_unlinkable":
        return this.#assertUnlinkable(c);
      case "assert_uninstantiable":
        return this.#assertModuleTrap(c);
      default:
        return skipped(`command type ${JSON.stringify(c.type)} unknown to the runner`);
    }
  }

  #module(c: SpecCommand): Outcome {
    this.#current = undefined;
    const module = this.#compiled(c);
    if (!(module instanceof Module)) return module;
    let instance: Instance;
    try {
      instance = this.#linker.instantiate(this.#store, module);
    } catch (error) {
      return failed("the module to instantiate", formatError(error));
    }
    this.#current = instance;
    if (c.name !== undefined) this.#named.set(c.name, instance);
    return passed();
  }

  #register(c: SpecCommand): Outcome {
    this.#linker.defineInstance(need(c.as, "as"), this.#instance(c.name));
    return passed();
  }

  #assertReturn(c: SpecCommand): Outcome {
    const expected = need(c.expected, "expected").map((e) => parseExpected(e, this.#script.refs));
    let results: Val[];
    try {
      results = this.#act(need(c.action, "action"));
    } catch (error) {
      return failed(expected.join(", "), formatError(error));
    }
    if (
      results.length === expected.length &&
      expected.every((e, i) => e.matches(results[i] as Val))
    ) {
      return passed();
    }
    return failed(expected.join(", "), showResults(results, expected));
  }

  #assertTrap(c: SpecCommand): Outcome {
    const text = need(c.text, "text");
    try {
      return failed(
        `trap "${text}"`,
        `returned ${showResults(this.#act(need(c.action, "action")), [])}`,
      );
    } catch (error) {
      return isTrapFor(error, text) ? passed() : failed(`trap "${text}"`, formatError(error));
    }
  }

  #assertExhaustion(c: SpecCommand): Outcome {
    const expected = `stack exhaustion "${c.text ?? ""}"`;
    try {
      return failed(expected, `returned ${showResults(this.#act(need(c.action, "action")), [])}`);
    } catch (error) {
      const exhausted = error instanceof Trap && error.trapCode === "STACK_OVERFLOW";
      return exhausted ? passed() : failed(expected, formatError(error));
    }
  }

  /** `assert_uninstantiable`, or `assert_trap` on a module: instantiation must trap. */
  #assertModuleTrap(c: SpecCommand): Outcome {
    const text = need(c.text, "text");
    const module = this.#compiled(c);
    if (!(module instanceof Module)) return module;
    try {
      this.#linker.instantiate(this.#store, module);
      return failed(`trap "${text}"`, "instantiated");
    } catch (error) {
      return isTrapFor(error, text) ? passed() : failed(`trap "${text}"`, formatError(error));
    }
  }

  #assertInvalid(c: SpecCommand): Outcome {
    const loaded = this.#script.modules.load(need(c.filename, "filename"));
    const expected = `CompileError "${c.text ?? ""}"`;
    if (loaded.ok)
      return c.module_type === "text" ? skipped(TEXT_ACCEPTED) : failed(expected, "compiled");
    if (loaded.stage === "text" || loaded.error instanceof CompileError) return passed();
    return failed(expected, formatError(loaded.error));
  }

  #assertUnlinkable(c: SpecCommand): Outcome {
    const expected = `LinkError "${c.text ?? ""}"`;
    const module = this.#compiled(c);
    if (!(module instanceof Module)) return module;
    try {
      this.#linker.instantiate(this.#store, module);
      return failed(expected, "instantiated");
    } catch (error) {
      return error instanceof LinkError ? passed() : failed(expected, formatError(error));
    }
  }

  /** The command's compiled module, or the failure of a module that does not compile. */
  #compiled(c: SpecCommand): Module | Outcome {
    const loaded = this.#script.modules.load(need(c.filename, "filename"));
    if (loaded.ok) return loaded.module;
    return failed("the module to compile", `${loaded.stage}: ${formatError(loaded.error)}`);
  }

  /**
   * Runs `action`: an invoke through the invoker's prepared caller, or a global read.
   *
   * @throws whatever the call throws.
   */
  #act(action: SpecAction): Val[] {
    const instance = this.#instance(action.module);
    if (action.type === "get") {
      const global = instance.getGlobal(action.field);
      if (global === undefined) throw new Error(`no exported global "${action.field}"`);
      return [this.#invoker.readGlobal(global)];
    }
    const func = instance.getFunc(action.field);
    if (func === undefined) throw new Error(`no exported function "${action.field}"`);
    let caller = this.#callers.get(func);
    if (caller === undefined) {
      caller = this.#invoker.prepare(this.#store, func);
      this.#callers.set(func, caller);
    }
    const args = action.args.map((a) => parseArg(a, this.#script.refs));
    const results = new Array<Val>(caller.type.results.length);
    caller.call(args, results);
    return results;
  }

  /** The module named `name`, or the current module. @throws {Error} when there is none. */
  #instance(name: string | undefined): Instance {
    const instance = name === undefined ? this.#current : this.#named.get(name);
    if (instance === undefined) {
      throw new Error(name === undefined ? "no current module" : `no module named ${name}`);
    }
    return instance;
  }
}

/** The command as one line of text, arguments written as values. */
function describeCommand(c: SpecCommand, refs: HostRefs): string {
  const a = c.action;
  if (a === undefined) {
    const name = c.name === undefined ? "" : ` ${c.name}`;
    if (c.type === "register") return `register "${c.as}"${name}`;
    return `${c.type}${name} ${c.filename}`;
  }
  const module = a.module === undefined ? "" : `${a.module} `;
  if (a.type === "get") return `${c.type} get ${module}"${a.field}"`;
  const args = a.args.map((arg) => {
    try {
      return formatVal(parseArg(arg, refs), arg.lane_type as LaneType | undefined);
    } catch {
      return JSON.stringify(arg);
    }
  });
  return `${c.type} invoke ${module}"${a.field}"(${args.join(", ")})`;
}

function showResults(results: readonly Val[], expected: readonly Expected[]): string {
  if (results.length === 0) return "()";
  return results.map((r, i) => expected[i]?.show(r) ?? formatVal(r)).join(", ");
}

function need<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new Error(`the command has no "${field}"`);
  return value;
}
