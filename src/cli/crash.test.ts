import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";

/*
 * Kill -9 while the server writes, then restart: the embedded database must open, hold every change
 * that was acknowledged, and no half-written change (each account has exactly its audit row).
 */
const bin = path.resolve("bin/lotrinh.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-crash-"));
const env = {
  PATH: process.env.PATH ?? "",
  HOME: tmp,
  LOTRINH_DATA_DIR: path.join(tmp, "data"),
  LOG_LEVEL: "warn",
};
const PASSWORD = "mat-khau-quan-tri-1";
let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill("SIGKILL");
  fs.rmSync(tmp, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [bin, "start", "--port", String(port)], { env, stdio: "ignore" });
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not start");
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function signIn(base: string) {
  const r = await fetch(`${base}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: PASSWORD }),
  });
  const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0] as string;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

describe.skipIf(inject("dbTemplate").kind === "postgres")("SIGKILL during writes (PGlite)", () => {
  it("restarts with every acknowledged change and no half-written one", { timeout: 120_000 }, async () => {
    const created = spawnSync(process.execPath, [bin, "user", "create", "-u", "admin", "-p", PASSWORD], {
      env,
      encoding: "utf8",
    });
    expect(created.status, created.stderr).toBe(0);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(port);
    const s = await signIn(base);
    let acknowledged = 0;
    // one write after another; the kill lands while the eleventh is being written
    for (let i = 0; ; i++) {
      const write = fetch(`${base}/api/users`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: s.cookie, "x-csrf-token": s.csrf },
        body: JSON.stringify({
          username: `nguoi.${i}`,
          displayName: `Người ${i}`,
          password: "mat-khau-dai-du",
          role: "leader",
        }),
      });
      if (acknowledged === 10) {
        await new Promise((r) => setTimeout(r, 20));
        server.kill("SIGKILL");
        await write.catch(() => undefined);
        break;
      }
      if ((await write).status === 201) acknowledged++;
    }
    await exited(server);
    expect(acknowledged).toBeGreaterThan(0);

    server = await startServer(port);
    const s2 = await signIn(base);
    const users = (await (await fetch(`${base}/api/users`, { headers: { cookie: s2.cookie } })).json()) as {
      users: { username: string }[];
    };
    const audit = (await (
      await fetch(`${base}/api/audit?action=user.create&pageSize=200`, { headers: { cookie: s2.cookie } })
    ).json()) as {
      total: number;
    };
    const saved = users.users.length - 1; // minus the admin
    expect(saved).toBeGreaterThanOrEqual(acknowledged);
    expect(saved).toBeLessThanOrEqual(acknowledged + 2); // at most the writes in flight at the kill
    expect(audit.total).toBe(users.users.length);
    server.kill("SIGTERM");
    await exited(server);
  });
});
