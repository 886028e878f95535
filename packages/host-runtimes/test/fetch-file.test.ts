import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fetchBundle, fetchBytes, fetchText } from "../dist/guest.js";
import { startStaticServer } from "../dist/index.js";

const VARIABLE = "WASMCALL_GUEST_URL";

describe("the guest's fetches", () => {
  const before = process.env[VARIABLE];
  afterEach(() => {
    if (before === undefined) delete process.env[VARIABLE];
    else process.env[VARIABLE] = before;
  });

  it("fetch a whole directory in one request, every file by its relative path", async () => {
    const dir = mkdtempSync(join(tmpdir(), "host-runtimes-bundle-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "a.wasm"), new Uint8Array([0, 97, 115, 109]));
    writeFileSync(join(dir, "sub", "é.json"), "{}");
    writeFileSync(join(dir, "empty"), "");
    const server = await startStaticServer({ mounts: { "/d/": dir } });
    process.env[VARIABLE] = server.url;
    try {
      const files = await fetchBundle("/d");
      expect([...files.keys()]).toEqual(["a.wasm", "empty", "sub/é.json"]);
      expect([...(files.get("a.wasm") ?? [])]).toEqual([0, 97, 115, 109]);
      expect(files.get("empty")?.length).toBe(0);
      expect(new TextDecoder().decode(files.get("sub/é.json"))).toBe("{}");
      await expect(fetchBundle("/d/missing/")).rejects.toThrow(/404/);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("name the path and the HTTP status when the host has no such file", async () => {
    const server = await startStaticServer();
    process.env[VARIABLE] = server.url;
    try {
      await expect(fetchText("/missing.txt")).rejects.toThrow("GET /missing.txt: 404 Not Found");
    } finally {
      await server.close();
    }
  });

  it("name the path and the network error's cause when the request fails", async () => {
    const server = await startStaticServer();
    await server.close();
    process.env[VARIABLE] = server.url;
    await expect(fetchBytes("/a.wasm")).rejects.toThrow(
      /^GET \/a\.wasm: fetch failed \(.*ECONNREFUSED/,
    );
  });
});
