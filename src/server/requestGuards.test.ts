import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signIn, type TestApp, unitIdByName } from "./testing.ts";
import { assertCleanUrl, jsonDepthExceeds } from "./textGuard.ts";

const MB = 1024 * 1024;
let t: TestApp;
let leader: Client;
let officer: Client;
let coordinator: Client;

beforeAll(async () => {
  t = await createTestApp();
  leader = await signIn(t, "lanhdao", "leader");
  officer = await signIn(t, "canbo", "officer", await unitIdByName(t.db, "Xã Bình Lư"));
  coordinator = await signIn(t, "dieuphoi", "coordinator");
});
afterAll(() => t.close());

/** A body produced lazily, counting how much of it the server actually pulled. */
function countingBody(total: number) {
  const state = { read: 0 };
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const stream = new Readable({
    read() {
      if (state.read >= total) return this.push(null);
      state.read += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, state };
}

function send(
  c: Client | null,
  method: "POST" | "PUT",
  url: string,
  payload: string | Buffer | Readable,
  extra = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json", ...extra };
  if (c) Object.assign(headers, { cookie: c.cookie, "x-csrf-token": c.csrf });
  return t.app.inject({ method, url, payload, headers });
}

describe("authorization before the body is read", () => {
  it("a leader's 95 MB POST is refused with 403 without reading it; an officer's DHIS2 import too", async () => {
    for (const caller of [leader, officer]) {
      const { stream, state } = countingBody(95 * MB);
      const started = performance.now();
      const res = await send(caller, "POST", "/api/datavaluesets", stream, {
        "content-length": String(95 * MB),
      });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe("FORBIDDEN");
      expect(state.read).toBeLessThan(1 * MB);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it("a coordinator's 95 MB body is refused by its declared size alone (413), a small one goes through", async () => {
    const { stream, state } = countingBody(95 * MB);
    const res = await send(coordinator, "POST", "/api/datavaluesets", stream, {
      "content-length": String(95 * MB),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe("PAYLOAD_TOO_LARGE");
    expect(state.read).toBeLessThan(1 * MB);
    const small = await send(coordinator, "POST", "/api/datavaluesets", JSON.stringify({ dataValues: [] }));
    expect(small.statusCode).not.toBe(413);
    expect(small.statusCode).not.toBe(403);
  });

  it("per-route limits: 256 KB by default — the limit passes, one byte more does not", async () => {
    const body = (size: number) => {
      const json = JSON.stringify({ pad: "" });
      return `${json}${" ".repeat(size - json.length)}`;
    };
    const atLimit = await send(coordinator, "POST", "/api/targets", body(256 * 1024));
    expect(atLimit.statusCode).toBe(400);
    expect(atLimit.json().code).toBe("VALIDATION_FAILED");
    const over = await send(coordinator, "POST", "/api/targets", body(256 * 1024 + 1));
    expect(over.statusCode).toBe(413);
  });

  it("a leader may still sign out and mark notifications read, and nothing else that writes", async () => {
    const marked = await send(leader, "POST", "/api/notifications/read", JSON.stringify({ ids: [] }));
    expect(marked.statusCode, marked.body).toBe(200);
    const form = await send(leader, "PUT", "/api/forms/1/1", JSON.stringify({ version: 0, values: [] }));
    expect(form.statusCode).toBe(403);
    expect(form.json().message).toMatch(/chỉ được xem/);
    const extra = await signIn(t, "lanhdao2", "leader");
    expect((await extra.request("DELETE", "/api/session")).statusCode).toBe(200);
  });
});

describe("JSON and text checks", () => {
  it("refuses nesting deeper than 32 cheaply, accepts 32", async () => {
    const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const deep = await send(coordinator, "POST", "/api/targets", nested(33));
    expect(deep.statusCode).toBe(400);
    expect(deep.json().message).toMatch(/lồng nhau quá sâu/);
    const ok = await send(coordinator, "POST", "/api/targets", nested(32));
    expect(ok.json().message).not.toMatch(/lồng nhau/);
    const started = performance.now();
    const huge = await send(coordinator, "POST", "/api/documents", nested(7 * MB));
    expect(huge.statusCode).toBe(400);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("the anonymous login with NUL or invalid UTF-8 gets 400 TEXT_INVALID, clean Vietnamese gets 401", async () => {
    const nul = await send(
      null,
      "POST",
      "/api/session",
      JSON.stringify({ username: "admin\u0000", password: "x" }),
    );
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({ code: "TEXT_INVALID", message: expect.stringMatching(/ký tự NUL/) });
    const escaped = await send(null, "POST", "/api/session", '{"username":"admin\\u0000","password":"x"}');
    expect(escaped.json().code).toBe("TEXT_INVALID");
    const lone = await send(null, "POST", "/api/session", '{"username":"a\\ud800","password":"x"}');
    expect(lone.json().code).toBe("TEXT_INVALID");
    const latin1 = Buffer.concat([
      Buffer.from('{"username":"Nguy'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('n","password":"x"}'),
    ]);
    const broken = await send(null, "POST", "/api/session", latin1);
    expect(broken.json().code).toBe("TEXT_INVALID");
    const clean = await send(
      null,
      "POST",
      "/api/session",
      JSON.stringify({ username: "Nguyễn", password: "x" }),
    );
    expect(clean.statusCode).toBe(401);
  });

  it("NUL or broken UTF-8 in a query string or a path parameter is a 400, not a 500", async () => {
    for (const url of ["/api/periods?kind=%00", "/api/periods?kind=%C3%28", "/api/tasks/1%00"]) {
      const res = await coordinator.request("GET", url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe("TEXT_INVALID");
    }
    const fine = await coordinator.request("GET", `/api/periods?kind=${encodeURIComponent("năm")}`);
    expect(fine.statusCode).toBe(200);
  });

  it("API answers carry Cache-Control: no-store", async () => {
    expect((await coordinator.request("GET", "/api/session")).headers["cache-control"]).toBe("no-store");
    expect((await coordinator.request("GET", "/api/khong-co")).headers["cache-control"]).toBe("no-store");
  });
});

describe("textGuard", () => {
  it("counts depth outside strings only", () => {
    const inString = Buffer.from(JSON.stringify({ a: "[".repeat(100) }));
    expect(jsonDepthExceeds(inString, 2)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('{"a":[[1]]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(Buffer.from('{"a":[[1]]}'), 2)).toBe(true);
    expect(jsonDepthExceeds(Buffer.from('["\\"[[[["]'), 1)).toBe(false);
  });

  it("decodes percent escapes before judging a URL", () => {
    expect(() => assertCleanUrl("/api/x?q=%E1%BB%87")).not.toThrow();
    expect(() => assertCleanUrl("/api/x?q=%E1%BB")).toThrow(/ký tự/);
    expect(() => assertCleanUrl("/api/x?q=%zz")).not.toThrow();
  });
});
