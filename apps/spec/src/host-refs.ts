/**
 * A host reference of the spec scripts: the externref value a script writes as a decimal id.
 * One object per id (see {@link HostRefs}), so a reference that comes back from wasm can be
 * recognised by identity.
 */
export class HostRef {
  /** The id the script names the reference by. */
  readonly id: string;

  /** Makes the reference with `id`; use {@link HostRefs.get} to keep one object per id. */
  constructor(id: string) {
    this.id = id;
    Object.freeze(this);
  }

  /** `ref.host <id>`, as the spec's text format writes it. */
  toString(): string {
    return `ref.host ${this.id}`;
  }
}

/** The host references of one script run: the same id always gives the same object. */
export class HostRefs {
  readonly #refs = new Map<string, HostRef>();

  /** The reference with `id`, made on first use. */
  get(id: string): HostRef {
    let ref = this.#refs.get(id);
    if (ref === undefined) {
      ref = new HostRef(id);
      this.#refs.set(id, ref);
    }
    return ref;
  }
}
