// Writing a module's bytes by hand, for the modules the text tools of the test suite cannot write.

/** The bytes of a module with `sections` (id, content) after the header. */
export function moduleBytes(sections: readonly [number, readonly number[]][]): Uint8Array {
  const out = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  for (const [id, content] of sections) out.push(id, ...leb(content.length), ...content);
  return new Uint8Array(out);
}

/** A name: its length, then its bytes (ASCII only here). */
export function name(text: string): number[] {
  return [...leb(text.length), ...[...text].map((c) => c.charCodeAt(0))];
}

/** An unsigned LEB128 integer. */
export function leb(value: number): number[] {
  const out: number[] = [];
  let v = value;
  do {
    const byte = v & 0x7f;
    v >>>= 7;
    out.push(v === 0 ? byte : byte | 0x80);
  } while (v !== 0);
  return out;
}
