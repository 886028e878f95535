/** The runtime a figure was measured in. */
export interface RuntimeId {
  /** `node`, `node22`, ..., `bun`, `deno`, `chromium`, `firefox`. */
  readonly name: string;
  /** Its version: `20.20.2`, `1.4.5`, `150.0.7871.100`. */
  readonly version: string;
}

/** `node22 22.23.3`: a runtime as reports name it. */
export function runtimeLabel(runtime: RuntimeId): string {
  return `${runtime.name} ${runtime.version}`;
}
