import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { launchChromium, snap } from "./testing/browser.ts";
import { signInPage, startWebServer, type WebServer } from "./testing/server.ts";

let server: WebServer;
let db: Db;
let base: string;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  server = await startWebServer({
    now: new Date("2026-03-01T03:00:00Z"),
    users: [
      { username: "dieuphoi", displayName: "Điều phối", role: "coordinator" },
      { username: "canbo", displayName: "Cán bộ Bình Lư", role: "officer", unit: "Xã Bình Lư" },
    ],
  });
  ({ db, base } = server);
  ({ browser, close: closeBrowser } = await launchChromium());
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.close();
});

async function login(page: Page, username: string) {
  await signInPage(page, base, username);
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
