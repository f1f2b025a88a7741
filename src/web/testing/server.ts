import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { type Config, loadConfig } from "../../config.ts";
import type { Db } from "../../db/database.ts";
import { openTestDb } from "../../db/testing.ts";
import { type Role, systemActor } from "../../domain/roles.ts";
import { buildApp } from "../../server/app.ts";
import { unitIdByName } from "../../server/testing.ts";
import { createUser } from "../../usecases/createUser.ts";

export const BROWSER_PASSWORD = "mat-khau-trinh-duyet-1";

export interface WebServer {
  db: Db;
  base: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real server with the built web app, on a copy of the test database, listening on a free port;
 * with the given accounts (unit by name, valid today).
 */
export async function startWebServer(opts: {
  now?: Date;
  demo?: boolean;
  /** Settings over the defaults (e.g. secureCookies, as behind an https proxy). */
  config?: Partial<Config>;
  users: { username: string; displayName: string; role: Role; unit?: string }[];
}): Promise<WebServer> {
  const db = await openTestDb();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-web-"));
  // the read cache off unless asked: a page checks another caller's write at once
  const config = { ...loadConfig({}), demo: opts.demo ?? false, dataDir, readCacheMs: 0, ...opts.config };
  const now = opts.now;
  const app = await buildApp({ db: db.db, dbKind: db.kind, config, now: () => now ?? new Date() });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  const actor = systemActor("Kiểm thử");
  for (const u of opts.users) {
    await createUser(db.db, actor, {
      username: u.username,
      displayName: u.displayName,
      password: BROWSER_PASSWORD,
      role: u.role,
      orgUnitId: u.unit ? await unitIdByName(db, u.unit) : null,
    });
  }
  return {
    db,
    base,
    dataDir,
    close: async () => {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function signInPage(
  page: Page,
  base: string,
  username: string,
  password = BROWSER_PASSWORD,
): Promise<void> {
  await page.goto(base);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}
