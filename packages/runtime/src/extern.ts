import type { ExternType } from "./extern-type.js";
import { Func } from "./func.js";
import { Global } from "./global.js";
import { Memory, PAGE_SIZE } from "./memory.js";
import type { Table } from "./table.js";
import { Tag } from "./tag.js";

/** Anything an instance can import or export: a function, global, table, memory or tag. */
export type Extern = Func | Global | Table | Memory | Tag;

/**
 * The type `extern` has now: tables and memories report their current size as their minimum
 * (what import matching compares) and their declared maximum.
 */
export function externTypeOf(extern: Extern): ExternType {
  if (extern instanceof Func) return { kind: "func", type: extern.ty() };
  if (extern instanceof Global) return { kind: "global", type: extern.type };
  if (extern instanceof Tag) return { kind: "tag", type: extern.type };
  if (extern instanceof Memory) {
    const min = extern.js.buffer.byteLength / PAGE_SIZE;
    return { kind: "memory", type: { ...extern.type, min } };
  }
  return { kind: "table", type: { ...extern.type, min: extern.js.length } };
}
