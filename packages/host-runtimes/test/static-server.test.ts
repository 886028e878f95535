import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaticServer, startStaticServer } from "../dist/index.js";

describe("startStaticServer", () => {
  let server: StaticServer;
  let dir: string;
  const posted: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "host-runtimes-server-"));
    mkdirSync(join(dir, "suite", "i32"), { recursive: true });
    writeFileSync(join(dir, "suite", "i32", "i32.json"), '{"commands":[]}');
    writeFileSync(join(dir, "suite", "i32", "i32.0.wasm"), new Uint8Array([0, 0x61, 0x73, 0x6d]));
    writeFileSync(join(dir, "suite", "README"), "text");
    writeFileSync(join(dir, "secret.txt"), "outside the mount");
    server = await startStaticServer({
      mounts: { "/spec/": join(dir, "suite") },
      routes: {
        "/echo": (request) => {
          posted.push(new TextDecoder().decode(request.body));
          return {
            status: 201,
            contentType: "text/plain",
            body: `${request.method} ${request.query}`,
          };
        },
        "/broken": () => {
          throw new Error("route failed");
        },
      },
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 at a port the OS chose", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("serves mounted files with their content type", async () => {
    const wasm = await fetch(`${server.url}/spec/i32/i32.0.wasm`);
    expect(wasm.status).toBe(200);
    expect(wasm.headers.get("content-type")).toBe("application/wasm");
    expect([...new Uint8Array(await wasm.arrayBuffer())]).toEqual([0, 0x61, 0x73, 0x6d]);
    const json = await fetch(`${server.url}/spec/i32/i32.json`);
    expect(json.headers.get("content-type")).toBe("application/json");
    expect(await json.json()).toEqual({ commands: [] });
  });

  it("makes pages cross-origin isolated (precise clocks in browsers)", async () => {
    const response = await fetch(`${server.url}/spec/i32/i32.json`);
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
    expect(response.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
  });

  it("lists a mounted directory's files, recursively and sorted, with ?list", async () => {
    expect(await (await fetch(`${server.url}/spec/?list`)).json()).toEqual([
      "README",
      "i32/i32.0.wasm",
      "i32/i32.json",
    ]);
    expect(await (await fetch(`${server.url}/spec?list`)).json()).toHaveLength(3);
    expect(await (await fetch(`${server.url}/spec/i32/?list`)).json()).toEqual([
      "i32.0.wasm",
      "i32.json",
    ]);
  });

  it("answers every file of a mounted directory in one body with ?bundle", async () => {
    const body = new Uint8Array(
      await (await fetch(`${server.url}/spec/i32/?bundle`)).arrayBuffer(),
    );
    const view = new DataView(body.buffer);
    const nameLength = view.getUint32(0, true);
    expect(new TextDecoder().decode(body.subarray(4, 4 + nameLength))).toBe("i32.0.wasm");
    expect(view.getUint32(4 + nameLength, true)).toBe(4);
  });

  it("answers 404 for missing files, directories without ?list, other paths and escapes", async () => {
    for (const path of [
      "/spec/nope.wasm",
      "/spec/i32/",
      "/other",
      "/spec/../secret.txt",
      "/spec/%2e%2e/secret.txt",
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
    }
  });

  it("refuses to write to mounts", async () => {
    const response = await fetch(`${server.url}/spec/i32/i32.json`, { method: "POST", body: "x" });
    expect(response.status).toBe(405);
  });

  it("hands routes the method, query and body", async () => {
    const response = await fetch(`${server.url}/echo?a=1`, { method: "POST", body: "payload" });
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("POST a=1");
    expect(posted).toEqual(["payload"]);
  });

  it("answers 500 with the message when a route throws", async () => {
    const response = await fetch(`${server.url}/broken`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("route failed");
  });

  it("answers many requests at once, on fresh and reused connections", async () => {
    const requests = Array.from({ length: 300 }, (_, i) =>
      i % 2 === 0
        ? fetch(`${server.url}/spec/i32/i32.json`).then((r) => r.text())
        : fetch(`${server.url}/echo`, { method: "POST", body: String(i) }).then((r) => r.text()),
    );
    const answers = await Promise.all(requests);
    expect(answers.filter((a) => a === '{"commands":[]}')).toHaveLength(150);
    expect(answers.filter((a) => a === "POST ")).toHaveLength(150);
    // Correctness, not speed: a loaded machine may take more than the default 5 s.
  }, 30_000);

  it("answers on a connection left idle past Node's 5 s keep-alive timeout", async () => {
    // A guest whose event loop is busy for seconds sends its next request on the connection
    // it used last; the server must not have closed it meanwhile.
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    const request = "GET /spec/README HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n";
    const received: string[] = [];
    socket.on("data", (chunk: Buffer) => received.push(chunk.toString("latin1")));
    socket.write(request);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    socket.write(request);
    const answers = () => received.join("").match(/HTTP\/1\.1 200 OK/g)?.length ?? 0;
    for (let waited = 0; answers() < 2 && !socket.destroyed && waited < 3_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    socket.destroy();
    expect(answers()).toBe(2);
  }, 15_000);

  it("stops listening when closed", async () => {
    const other = await startStaticServer();
    await other.close();
    await expect(fetch(`${other.url}/`)).rejects.toThrow();
  });
});
