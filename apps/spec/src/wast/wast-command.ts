/**
 * The commands of a `.wast` script of the WebAssembly 3.0 testsuite, in the shape of
 * `SpecCommand` (spec-format.ts: `type`, `line`, `name`, `as`, `action`, `expected`, `text`),
 * extended for 3.0: each module command carries its module (`module`: text, quoted text or
 * bytes) instead of a file name, module definitions and instances, `assert_exception`, the
 * `_custom` assertions, values as `WastValue` / `WastResult`.
 *
 * `line` is where wast2json puts it: the line of the command's action for `action` and the
 * action assertions, of the module for module assertions, of the command itself otherwise.
 * Module and instance names keep their `$` (`$M`; `$"M"` is `$M` too).
 */
import type { WastResult, WastValue } from "./wast-value.js";

/**
 * `(module ...)` written inline: `text` is the module's source exactly as written, from
 * `(module` to its `)` (for `(module definition $M ...)`: `(module $M ...)`, the keyword
 * `definition` dropped), for a text-format assembler.
 */
export interface TextModuleSource {
  readonly kind: "text";
  readonly text: string;
}

/**
 * `(module quote "..." ...)`: the strings' bytes, concatenated (without separators, as the
 * reference interpreter does). The text format is UTF-8, so bytes that are not make the
 * module malformed: `validUtf8` says so, and `text` is then the bytes decoded with U+FFFD for
 * each malformed sequence. The text is either a whole `(module ...)` or only module fields
 * (see `quotedModuleText`).
 */
export interface QuoteModuleSource {
  readonly kind: "quote";
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly validUtf8: boolean;
}

/** `(module binary "..." ...)`: the strings' bytes, concatenated: a binary-format module. */
export interface BinaryModuleSource {
  readonly kind: "binary";
  readonly bytes: Uint8Array;
}

/** A module as a script gives it. */
export type ModuleSource = TextModuleSource | QuoteModuleSource | BinaryModuleSource;

/** `(invoke $M? "name" arg*)`: calls an export of the current module, or of `$M`. */
export interface WastInvokeAction {
  readonly type: "invoke";
  readonly module?: string;
  readonly field: string;
  readonly args: readonly WastValue[];
}

/** `(get $M? "name")`: reads an exported global of the current module, or of `$M`. */
export interface WastGetAction {
  readonly type: "get";
  readonly module?: string;
  readonly field: string;
}

/** What an `action` or action assertion runs. */
export type WastAction = WastInvokeAction | WastGetAction;

/** `(module $M? ...)`: compiles and instantiates the module; it becomes the current one. */
export interface ModuleCommand {
  readonly type: "module";
  readonly line: number;
  readonly name?: string;
  readonly module: ModuleSource;
}

/** `(module definition $M? ...)`: compiles the module without instantiating it. */
export interface ModuleDefinitionCommand {
  readonly type: "module_definition";
  readonly line: number;
  readonly name?: string;
  readonly module: ModuleSource;
}

/**
 * `(module instance $I? $M?)`: instantiates the definition `definition` (the latest one when
 * absent) as a new instance, named `name`; it becomes the current module.
 */
export interface ModuleInstanceCommand {
  readonly type: "module_instance";
  readonly line: number;
  readonly name?: string;
  readonly definition?: string;
}

/** `(register "as" $M?)`: makes the instance `$M` (or the current one) importable as `as`. */
export interface RegisterCommand {
  readonly type: "register";
  readonly line: number;
  readonly as: string;
  readonly name?: string;
}

/** A top-level `(invoke ...)` or `(get ...)`: runs it, its results ignored. */
export interface ActionCommand {
  readonly type: "action";
  readonly line: number;
  readonly action: WastAction;
}

/** `(assert_return ACTION RESULT*)`: the results must match `expected`. */
export interface AssertReturnCommand {
  readonly type: "assert_return";
  readonly line: number;
  readonly action: WastAction;
  readonly expected: readonly WastResult[];
}

/** `(assert_trap ACTION "text")`: the action must trap with the message `text`. */
export interface AssertTrapCommand {
  readonly type: "assert_trap";
  readonly line: number;
  readonly action: WastAction;
  readonly module?: undefined;
  readonly text: string;
}

/**
 * `(assert_trap (module ...) "text")`: the module must link and then trap while
 * instantiating (its start function); wast2json calls this `assert_uninstantiable`.
 */
export interface AssertModuleTrapCommand {
  readonly type: "assert_trap";
  readonly line: number;
  readonly action?: undefined;
  readonly module: ModuleSource;
  readonly text: string;
}

/** `(assert_exhaustion ACTION "text")`: the action must exhaust the call stack. */
export interface AssertExhaustionCommand {
  readonly type: "assert_exhaustion";
  readonly line: number;
  readonly action: WastAction;
  readonly text: string;
}

/** `(assert_exception ACTION)`: the action must throw a WebAssembly exception (not trap). */
export interface AssertExceptionCommand {
  readonly type: "assert_exception";
  readonly line: number;
  readonly action: WastAction;
  readonly text?: string;
}

/** The kinds of assertion about a module alone. */
export type ModuleAssertionType =
  | "assert_invalid"
  | "assert_malformed"
  | "assert_unlinkable"
  | "assert_uninstantiable"
  | "assert_invalid_custom"
  | "assert_malformed_custom";

/**
 * `(assert_invalid MODULE "text")` and the other assertions on a module: it must be refused
 * as invalid, malformed, unlinkable, or trap while instantiating. The `_custom` kinds
 * (custom sections and annotations) let an engine accept the module as well.
 */
export interface ModuleAssertionCommand {
  readonly type: ModuleAssertionType;
  readonly line: number;
  readonly module: ModuleSource;
  readonly text: string;
}

/** One command of a script. */
export type WastCommand =
  | ModuleCommand
  | ModuleDefinitionCommand
  | ModuleInstanceCommand
  | RegisterCommand
  | ActionCommand
  | AssertReturnCommand
  | AssertTrapCommand
  | AssertModuleTrapCommand
  | AssertExhaustionCommand
  | AssertExceptionCommand
  | ModuleAssertionCommand;

/** A whole script: its file name and its commands in order (`SpecScript`'s shape). */
export interface WastScript {
  readonly source_filename: string;
  readonly commands: readonly WastCommand[];
}
