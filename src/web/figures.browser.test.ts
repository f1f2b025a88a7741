import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import type { Db } from "../db/database.ts";
import { openTestDb } from "../db/testing.ts";
import { systemActor } from "../domain/roles.ts";
import { buildApp } from "../server/app.ts";
import { unitIdByName } from "../server/testing.ts";
import { createUser } from "../usecases/createUser.ts";
import { launchChromium, snap } from "./testing/browser.ts";

const PASSWORD = "mat-khau-trinh-duyet-4";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-fig-"));
let db: Db;
let base: string;
let closeApp: () => Promise<void>;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  db = await openTestDb();
  const app = await buildApp({
    db: db.db,
    dbKind: db.kind,
    config: { ...loadConfig({}), demo: false, dataDir: tmp },
    now: () => new Date("2026-03-01T03:00:00Z"),
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const addr = app.server.address();
  base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  closeApp = async () => {
    await app.close();
    await db.close();
  };
  const actor = systemActor("Kiểm thử");
  await createUser(db.db, actor, {
    username: "dieuphoi",
    displayName: "Điều phối",
    password: PASSWORD,
    role: "coordinator",
  });
  await createUser(db.db, actor, {
    username: "canbo",
    displayName: "Cán bộ Bình Lư",
    password: PASSWORD,
    role: "officer",
    orgUnitId: await unitIdByName(db, "Xã Bình Lư"),
  });
  ({ browser, close: closeBrowser } = await launchChromium());
});
afterAll(async () => {
  await closeBrowser?.();
  await closeApp?.();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function login(page: Page, username: string) {
  await page.goto(base);
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByTestId("current-user").waitFor();
}

describe("figures in the browser", () => {
  it("an officer enters figures and is told at once what is wrong; the coordinator sees them add up", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(page, "canbo");
    await page.goto(`${base}/chi-tieu?tab=entry`);
    await page.getByTestId("form-table").waitFor();
    await page.getByLabel("Số trẻ 6 tuổi vào lớp 1").fill("50");
    await page.getByLabel("Số trẻ 6 tuổi", { exact: true }).fill("40");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect.poll(() => page.getByTestId("form-message").textContent()).toContain("lớn hơn mẫu số");
    await page.getByLabel("Số trẻ 6 tuổi", { exact: true }).fill("52");
    await page.getByLabel("Số trẻ mẫu giáo đến trường").fill("1.234");
    await page.getByLabel("Số trẻ trong độ tuổi mẫu giáo (3–5 tuổi)").fill("1.300");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect.poll(() => page.getByTestId("form-message").textContent()).toContain("Đã lưu");
    await snap(page, "30-nhap-so-lieu");
    await page.close();

    const coord = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await login(coord, "dieuphoi");
    await coord.goto(`${base}/chi-tieu`);
    await expect.poll(() => coord.getByTestId("target-card").count()).toBeGreaterThan(5);
    await snap(coord, "31-muc-tieu");
    const ind = await db.db
      .selectFrom("indicator")
      .select("id")
      .where("code", "=", "KH5272-02")
      .executeTakeFirstOrThrow();
    await coord.goto(`${base}/chi-tieu?tab=drill&indicator=${ind.id}`);
    await expect.poll(() => coord.getByTestId("drill-table").textContent()).toContain("Xã Bình Lư");
    expect(await coord.getByTestId("drill-table").textContent()).toContain("94,92");
    await snap(coord, "32-so-lieu-theo-xa");
    await coord.goto(`${base}/chi-tieu?tab=entry`);
    await expect.poll(() => coord.getByTestId("completeness").textContent()).toContain("0/38");
    await coord.close();
  });
});
