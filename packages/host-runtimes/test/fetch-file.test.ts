import { afterEach, describe, expect, it } from "vitest";
import { fetchBytes, fetchText } from "../dist/guest.js";
import { startStaticServer } from "../dist/index.js";

const VARIABLE = "WASMCALL_GUEST_URL";

describe("the guest's fetches", () => {
  const before = process.env[VARIABLE];
  afterEach(() => {
    if (before === undefined) delete process.env[VARIABLE];
    else process.env[VARIABLE] = before;
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
