import { type Caller, CompileError, LinkError, Trap, type Val } from "@wasmcall/core-types";
import {
  type Engine,
  type Func,
  type Instance,
  Linker,
  Module,
  Store,
  WasmException,
} from "@wasmcall/runtime";
import { lackingFeatures } from "./engine-features.js";
import { failedWith, ModuleSkipped } from "./error-outcome.js";
import type { HostRefs } from "./host-refs.js";
import type { Invoker } from "./invoker.js";
import type { ModuleCache } from "./module-cache.js";
import { failed, formatError, type Outcome, passed, skipped } from "./outcome.js";
import {
  ASSEMBLED_TEXT_ACCEPTED,
  CUSTOM_ACCEPTED,
  engineLacks,
  IMPLEMENTATION_LIMIT,
  TEXT_ACCEPTED,
} from "./skip-category.js";
import type { SpecAction, SpecCommand, SuiteVersion } from "./spec-format.js";
import { type Expected, formatVal, type LaneType, parseArg, parseExpected } from "./spec-value.js";
import { defineSpectest } from "./spectest-module.js";
import { count, emptyTally, type Tally } from "./tally.js";
import { isTrapFor } from "./trap-text.js";

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
  /**
   * The WebAssembly version of the suite: in the 3.0 suite, a module the engine refuses for
   * lacking a 3.0 feature is a skip under the feature's name.
   */
  readonly version: SuiteVersion;
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
  const text = command.module_type === "text" || command.module_type === "assembled";
  return text ? `${command.type} (text)` : command.type;
}

/** The state of one run: the store, the linker, the instances and the prepared callers. */
class ScriptRun {
  readonly #script: Script;
  readonly #invoker: Invoker;
  readonly #store: Store;
  readonly #linker: Linker;
  readonly #named = new Map<string, Instance>();
  readonly #definitions = new Map<string, Module>();
  #lastDefinition: Module | undefined;
  /**
   * Why the modules the run could not make were skipped, by `$name` (instances and
   * definitions), by registered name (`as`), and for the current module and the latest
   * definition: the commands that use them are skipped for the same reason.
   */
  readonly #skippedNames = new Map<string, string>();
  readonly #skippedRegistrations = new Map<string, string>();
  /** The registered instances, by the name they are registered under. */
  readonly #registered = new Map<string, Instance>();
  /**
   * The instances a skipped module could have changed (every one registered when it was
   * skipped: a module reaches others through its imports), with its skip's reason: a failed
   * action on one of them is skipped for that reason, its expected outcome depending on the
   * module the engine could not run.
   */
  readonly #tainted = new Map<Instance, string>();
  #currentSkip: string | undefined;
  #lastDefinitionSkip: string | undefined;
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
    let outcome: Outcome;
    try {
      outcome = this.#dispatch(command);
    } catch (error) {
      outcome = failedWith("the command to run", error);
    }
    if (outcome.status !== "failed" || command.action === undefined) return outcome;
    // A module the engine could not run might have changed this one (through its imports).
    const instance =
      command.action.module === undefined ? this.#current : this.#named.get(command.action.module);
    const reason = instance === undefined ? undefined : this.#tainted.get(instance);
    return reason === undefined ? outcome : skipped(reason);
  }

  #dispatch(c: SpecCommand): Outcome {
    switch (c.type) {
      case "module":
        return this.#module(c);
      case "module_definition":
        return this.#moduleDefinition(c);
      case "module_instance":
        return this.#moduleInstance(c);
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
      case "assert_exception":
        return this.#assertException(c);
      case "assert_invalid":
      case "assert_malformed":
        return this.#assertInvalid(c);
      case "assert_invalid_custom":
      case "assert_malformed_custom":
        return this.#assertCustom(c);
      case "assert_unlinkable":
        return this.#assertUnlinkable(c);
      case "assert_uninstantiable":
        return this.#assertModuleTrap(c);
      case "script_error":
        return failed("a script the runner's parser reads", c.text ?? "");
      default:
        return skipped(`command type ${JSON.stringify(c.type)} unknown to the runner`);
    }
  }

  #module(c: SpecCommand): Outcome {
    const module = this.#compiled(c);
    if (!(module instanceof Module)) return this.#madeNone(module, c.name);
    return this.#instantiate(module, c.name);
  }

  /**
   * Instantiates `module` as the current module, named `name`. An import from a registered
   * module that was skipped skips it too.
   */
  #instantiate(module: Module, name: string | undefined): Outcome {
    let instance: Instance;
    try {
      instance = this.#linker.instantiate(this.#store, module);
    } catch (error) {
      const reason = error instanceof LinkError && this.#skippedRegistrations.get(error.module);
      const outcome = reason
        ? skipped(reason)
        : failed("the module to instantiate", formatError(error));
      return this.#madeNone(outcome, name);
    }
    this.#current = instance;
    this.#currentSkip = undefined;
    if (name !== undefined) {
      this.#named.set(name, instance);
      this.#skippedNames.delete(name);
    }
    return passed();
  }

  /**
   * No current module (nor one named `name`) after a module command with `outcome`: when it
   * is a skip, the commands that use the module are skipped for its reason.
   */
  #madeNone(outcome: Outcome, name: string | undefined): Outcome {
    this.#current = undefined;
    this.#currentSkip = outcome.status === "skipped" ? outcome.reason : undefined;
    if (outcome.status === "skipped") this.#taintRegistered(outcome.reason);
    if (name !== undefined) {
      this.#named.delete(name);
      if (outcome.status === "skipped") this.#skippedNames.set(name, outcome.reason);
    }
    return outcome;
  }

  /** Marks every registered instance as one a skipped module (for `reason`) could have changed. */
  #taintRegistered(reason: string): void {
    for (const instance of this.#registered.values()) {
      if (!this.#tainted.has(instance)) this.#tainted.set(instance, reason);
    }
  }

  /** `module definition`: compiled and kept (by name, and as the latest), not instantiated. */
  #moduleDefinition(c: SpecCommand): Outcome {
    this.#lastDefinition = undefined;
    this.#lastDefinitionSkip = undefined;
    const module = this.#compiled(c);
    if (!(module instanceof Module)) {
      if (module.status === "skipped") {
        this.#lastDefinitionSkip = module.reason;
        if (c.name !== undefined) this.#skippedNames.set(c.name, module.reason);
      }
      return module;
    }
    this.#lastDefinition = module;
    if (c.name !== undefined) this.#definitions.set(c.name, module);
    return passed();
  }

  /** `module instance`: a new instance of a definition (the latest one when unnamed). */
  #moduleInstance(c: SpecCommand): Outcome {
    const module =
      c.definition === undefined ? this.#lastDefinition : this.#definitions.get(c.definition);
    if (module === undefined) {
      const reason =
        c.definition === undefined
          ? this.#lastDefinitionSkip
          : this.#skippedNames.get(c.definition);
      const missing = failed(`a module definition ${c.definition ?? ""}`.trimEnd(), "none");
      return this.#madeNone(reason === undefined ? missing : skipped(reason), c.name);
    }
    return this.#instantiate(module, c.name);
  }

  #register(c: SpecCommand): Outcome {
    const as = need(c.as, "as");
    try {
      const instance = this.#instance(c.name);
      this.#linker.defineInstance(as, instance);
      this.#registered.set(as, instance);
    } catch (error) {
      if (error instanceof ModuleSkipped) this.#skippedRegistrations.set(as, error.reason);
      throw error;
    }
    return passed();
  }

  #assertReturn(c: SpecCommand): Outcome {
    const expected = need(c.expected, "expected").map((e) => parseExpected(e, this.#script.refs));
    let results: Val[];
    try {
      results = this.#act(need(c.action, "action"));
    } catch (error) {
      return failedWith(expected.join(", "), error);
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
      if (isTrapFor(error, text)) return passed();
      const limit = error instanceof Trap && error.trapCode === "ALLOCATION_TOO_LARGE";
      return limit ? skipped(IMPLEMENTATION_LIMIT) : failedWith(`trap "${text}"`, error);
    }
  }

  #assertExhaustion(c: SpecCommand): Outcome {
    const expected = `stack exhaustion "${c.text ?? ""}"`;
    try {
      return failed(expected, `returned ${showResults(this.#act(need(c.action, "action")), [])}`);
    } catch (error) {
      const exhausted = error instanceof Trap && error.trapCode === "STACK_OVERFLOW";
      return exhausted ? passed() : failedWith(expected, error);
    }
  }

  /** The action must throw a WebAssembly exception (not trap). */
  #assertException(c: SpecCommand): Outcome {
    const expected = "a WebAssembly exception";
    try {
      return failed(expected, `returned ${showResults(this.#act(need(c.action, "action")), [])}`);
    } catch (error) {
      const exception =
        error instanceof WasmException ||
        (typeof WebAssembly.Exception === "function" && error instanceof WebAssembly.Exception);
      return exception ? passed() : failedWith(expected, error);
    }
  }

  /** `assert_uninstantiable`, or `assert_trap` on a module: instantiation must trap. */
  #assertModuleTrap(c: SpecCommand): Outcome {
    const text = need(c.text, "text");
    const module = this.#compiled(c);
    if (!(module instanceof Module)) {
      if (module.status === "skipped") this.#taintRegistered(module.reason);
      return module;
    }
    try {
      this.#linker.instantiate(this.#store, module);
      return failed(`trap "${text}"`, "instantiated");
    } catch (error) {
      if (isTrapFor(error, text)) return passed();
      const reason = error instanceof LinkError && this.#skippedRegistrations.get(error.module);
      return reason ? skipped(reason) : failed(`trap "${text}"`, formatError(error));
    }
  }

  #assertInvalid(c: SpecCommand): Outcome {
    const loaded = this.#script.modules.load(need(c.filename, "filename"));
    const expected = `CompileError "${c.text ?? ""}"`;
    if (loaded.ok) {
      if (c.module_type === "text") return skipped(TEXT_ACCEPTED);
      if (c.module_type === "assembled" && c.type === "assert_malformed") {
        return skipped(ASSEMBLED_TEXT_ACCEPTED);
      }
      return failed(expected, "compiled");
    }
    if (loaded.stage === "text" || loaded.error instanceof CompileError) return passed();
    return failed(expected, formatError(loaded.error));
  }

  /**
   * `assert_malformed_custom` / `assert_invalid_custom`: a module with custom sections or
   * annotations that are malformed or invalid by their own rules, which an engine may ignore:
   * refused (by the text parser or the engine) passes, accepted is a skip of its own.
   */
  #assertCustom(c: SpecCommand): Outcome {
    const loaded = this.#script.modules.load(need(c.filename, "filename"));
    if (loaded.ok) return skipped(CUSTOM_ACCEPTED);
    if (loaded.stage === "text" || loaded.error instanceof CompileError) return passed();
    return failed(`CompileError "${c.text ?? ""}"`, formatError(loaded.error));
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

  /**
   * The command's compiled module, or the outcome of a module that does not compile: a skip
   * when the engine refuses it for its implementation limits, or (in the 3.0 suite) when it
   * lacks a feature of WebAssembly 3.0; else a failure.
   */
  #compiled(c: SpecCommand): Module | Outcome {
    const loaded = this.#script.modules.load(need(c.filename, "filename"));
    if (loaded.ok) return loaded.module;
    if (loaded.stage === "compile" && loaded.error instanceof CompileError) {
      if (/implementation limit/i.test(loaded.error.message)) return skipped(IMPLEMENTATION_LIMIT);
      const lacking = this.#script.version === "3.0" ? lackingFeatures() : [];
      if (lacking.length > 0) return skipped(engineLacks(lacking));
    }
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
    const params = caller.type.params;
    const args = action.args.map((a, i) => parseArg(a, this.#script.refs, params[i]));
    const results = new Array<Val>(caller.type.results.length);
    caller.call(args, results);
    return results;
  }

  /**
   * The module named `name`, or the current module.
   *
   * @throws {ModuleSkipped} when the module was skipped.
   * @throws {Error} when there is none.
   */
  #instance(name: string | undefined): Instance {
    const instance = name === undefined ? this.#current : this.#named.get(name);
    if (instance === undefined) {
      const reason = name === undefined ? this.#currentSkip : this.#skippedNames.get(name);
      if (reason !== undefined) throw new ModuleSkipped(reason);
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
