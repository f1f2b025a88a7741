import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePdf } from "../import/testing/fixtures.ts";
import { snap } from "./testing/browser.ts";
import { startWebTest, type WebTest } from "./testing/webTest.ts";

/**
 * An officer on a mountain link: the app installed as a PWA keeps working with no connection. He
 * fills his form and a progress report with a file offline, reloads, comes back online, and the server
 * has exactly one copy of each; an answer lost on the way never makes a second copy; a save overtaken
 * by someone else's is shown to him to resolve, not lost. The service worker needs a secure context:
 * the server listens on 127.0.0.1, which is one.
 */
const PLAN = [
  "KẾ HOẠCH",
  "Nâng cao chất lượng giáo dục năm học 2026-2027",
  "Số: 44/KH-UBND",
  "Bình Lư, ngày 02 tháng 6 năm 2026",
  "",
  "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
  "1\tRà soát cơ sở vật chất các điểm trường\tPhòng Văn hóa - Xã hội\t\tTháng 12/2026",
  "2\tTập huấn giáo viên dạy tiếng Việt cho trẻ\tPhòng Văn hóa - Xã hội\t\tTháng 12/2026",
].join("\n");

let web: WebTest;
let pdf: string;
let periodId: number;
let unitId: number;

beforeAll(async () => {
  web = await startWebTest({
    uploads: true,
    now: new Date("2026-09-15T03:00:00Z"),
    users: [
      { username: "canbo", displayName: "Cán bộ Bình Lư", role: "officer", unit: "Xã Bình Lư" },
      { username: "canbo2", displayName: "Cán bộ thứ hai Bình Lư", role: "officer", unit: "Xã Bình Lư" },
    ],
  });
  await web.importPlan("44.txt", PLAN);
  periodId = (
    await web.db.db.selectFrom("period").select("id").where("code", "=", "2025SY").executeTakeFirstOrThrow()
  ).id;
  unitId = (
    await web.db.db
      .selectFrom("app_user")
      .select("org_unit_id")
      .where("username", "=", "canbo")
      .executeTakeFirstOrThrow()
  ).org_unit_id as number;
  pdf = path.join(web.dataDir, "anh-diem-truong.pdf");
  fs.writeFileSync(pdf, makePdf(["Anh diem truong Binh Lu"]));
});
afterAll(async () => {
  await web?.close();
});

/** The task's page: "Việc của tôi" → the task with this title. */
async function openTask(page: Page, title: string): Promise<string> {
  await page.getByRole("link", { name: "Việc của tôi" }).click();
  await page
    .getByTestId("task-rows")
    .getByRole("link", { name: new RegExp(title) })
    .click();
  await page.getByRole("button", { name: "Báo cáo tiến độ" }).first().waitFor();
  return page.url();
}

async function reportProgress(page: Page, text: string) {
  await page.getByRole("button", { name: "Báo cáo tiến độ" }).first().click();
  await page.getByLabel("Nội dung").fill(text);
  await page.getByTestId("update-files").click();
  await page.locator('input[type="file"]').setInputFiles(pdf);
  await page.getByTestId("action-submit").click();
}

/** The server's copy, asked through its API as the officer (the context's cookie). */
async function serverState(context: BrowserContext, taskUrl: string) {
  const taskId = taskUrl.split("/").pop();
  const task = await (await context.request.get(`${web.base}/api/tasks/${taskId}`)).json();
  const updates = (
    task.occurrences as { updates: { kind: string; text: string; attachments?: unknown[] }[] }[]
  ).flatMap((o) => o.updates.filter((u) => u.kind === "progress"));
  const form = await (await context.request.get(`${web.base}/api/forms/${unitId}/${periodId}`)).json();
  const value = (name: string) =>
    (form.fields as { name: string; value: number | null }[]).find((f) => f.name === name)?.value ?? null;
  return { updates, formVersion: form.status.version as number, value };
}

const count = (page: Page) =>
  page
    .getByTestId("outbox-count")
    .textContent({ timeout: 1000 })
    .catch(() => "0");

describe("offline work in the browser (PWA)", () => {
  it("fills a form and a report with a file offline, reloads, syncs once when the link returns", async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await web.signIn(page, "canbo");
    // installable: the manifest in Vietnamese, and a service worker controlling the page
    const manifest = await (await context.request.get(`${web.base}/manifest.webmanifest`)).json();
    expect(manifest.short_name).toBe("Lộ Trình");
    expect(manifest.lang).toBe("vi");
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(["192x192", "512x512"]),
    );
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // online once: the task and the form are kept on the device as they are read
    const taskUrl = await openTask(page, "Rà soát cơ sở vật chất");
    await page.goto(`${web.base}/chi-tieu?tab=entry`);
    await page.getByTestId("form-table").waitFor();

    await context.setOffline(true);
    await page.reload(); // the shell from the service worker, the data from the device
    await page.getByTestId("form-table").waitFor();
    await expect.poll(() => page.getByTestId("offline-note").textContent()).toContain("Mất kết nối");
    await page.getByLabel("Số trẻ 6 tuổi vào lớp 1", { exact: true }).fill("48");
    await page.getByLabel("Số trẻ 6 tuổi", { exact: true }).fill("50");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect.poll(() => page.getByTestId("form-message").textContent()).toContain("Chưa có mạng");
    await expect.poll(() => count(page)).toBe("1");

    await page.goto(taskUrl);
    await reportProgress(page, "Đã rà soát 12 điểm trường, có ảnh.");
    await expect.poll(() => page.getByTestId("task-message").textContent()).toContain("Chưa có mạng");
    await expect.poll(() => count(page)).toBe("2");
    await snap(page, "60-ngoai-tuyen-cho-gui");

    // a reload offline loses nothing: both wait, the form shows the figures typed on the device
    await page.reload();
    await expect.poll(() => count(page)).toBe("2");
    await page.goto(`${web.base}/chi-tieu?tab=entry`);
    await page.getByTestId("form-kept").waitFor();
    await expect.poll(() => page.getByLabel("Số trẻ 6 tuổi", { exact: true }).inputValue()).toBe("50");
    await page.getByTestId("outbox-open").click();
    await expect.poll(() => page.getByTestId("outbox-item").count()).toBe(2);
    await snap(page, "61-danh-sach-cho-gui");
    await page.keyboard.press("Escape");
    expect((await serverState(context, taskUrl)).updates).toHaveLength(0);

    // the link returns: both are sent, once
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId("outbox-bar").count(), { timeout: 30_000 }).toBe(0);
    const state = await serverState(context, taskUrl);
    expect(state.updates.map((u) => u.text)).toEqual(["Đã rà soát 12 điểm trường, có ảnh."]);
    expect(state.updates[0]?.attachments).toHaveLength(1);
    expect(state.formVersion).toBe(1);
    expect(state.value("Số trẻ 6 tuổi")).toBe(50);
    expect(state.value("Số trẻ 6 tuổi vào lớp 1")).toBe(48);
    await context.close();
  }, 300_000);

  it("an answer lost on the way: the send is kept and repeated with its key, the server keeps one copy", async () => {
    // no service worker here: page.route must see the page's own requests
    const context = await web.browser.newContext({
      viewport: { width: 1280, height: 900 },
      serviceWorkers: "block",
    });
    const page = await context.newPage();
    await web.signIn(page, "canbo");
    const taskUrl = await openTask(page, "Tập huấn giáo viên");
    const before = await serverState(context, taskUrl);
    // the server gets the report and answers, but the answer never reaches the phone
    let lost = 0;
    await page.route("**/api/occurrences/*/updates", async (route) => {
      await route.fetch();
      lost++;
      await route.abort("connectionfailed");
    });
    await reportProgress(page, "Đã tập huấn 20 giáo viên.");
    await expect.poll(() => page.getByTestId("task-message").textContent()).toContain("Chưa có mạng");
    // the page retries at once while the browser believes it is online: each try reaches the server
    expect(lost).toBeGreaterThanOrEqual(1);
    // a handler still between its fetch and its abort finishes first: a reload must not cut it off
    await page.unrouteAll({ behavior: "wait" });
    await page.reload(); // still kept after a reload; sent again with the same key
    await page.getByTestId("current-user").waitFor();
    await expect
      .poll(async () => (await serverState(context, taskUrl)).updates.length, { timeout: 60_000 })
      .toBe(before.updates.length + 1);
    await expect.poll(() => page.getByTestId("outbox-bar").count(), { timeout: 30_000 }).toBe(0);
    const after = await serverState(context, taskUrl);
    const reports = after.updates.filter((u) => u.text === "Đã tập huấn 20 giáo viên.");
    expect(reports).toHaveLength(1);
    expect(after.updates).toHaveLength(before.updates.length + 1);
    await context.close();
  }, 300_000);

  it("a save overtaken by someone else's while offline is shown as a conflict and sent only when he chooses", async () => {
    const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await web.signIn(page, "canbo");
    await page.goto(`${web.base}/chi-tieu?tab=entry`);
    await page.getByTestId("form-table").waitFor();
    await context.setOffline(true);
    await page.getByLabel("Số trẻ 6 tuổi", { exact: true }).fill("55");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect.poll(() => count(page)).toBe("1");

    // meanwhile a colleague saves the same form online
    const other = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const colleague = await other.newPage();
    await web.signIn(colleague, "canbo2");
    await colleague.goto(`${web.base}/chi-tieu?tab=entry`);
    await colleague.getByLabel("Số trẻ 6 tuổi", { exact: true }).fill("60");
    await colleague.getByRole("button", { name: "Lưu nháp" }).click();
    await expect.poll(() => colleague.getByTestId("form-message").textContent()).toContain("Đã lưu");
    await other.close();

    await context.setOffline(false);
    await page.getByTestId("outbox-open").click();
    await expect
      .poll(() => page.getByTestId("outbox-item").getAttribute("data-state"), { timeout: 30_000 })
      .toBe("conflict");
    expect(await page.getByTestId("outbox-item").textContent()).toContain("người khác đã sửa");
    await snap(page, "62-xung-dot-khi-gui");
    const form = async () =>
      (await (await context.request.get(`${web.base}/api/forms/${unitId}/${periodId}`)).json()) as {
        fields: { name: string; value: number | null }[];
      };
    const six = async () => (await form()).fields.find((f) => f.name === "Số trẻ 6 tuổi")?.value;
    expect(await six()).toBe(60); // the colleague's stands until the officer chooses
    await page.getByTestId("outbox-resend").click();
    await expect.poll(() => page.getByTestId("outbox-item").count(), { timeout: 30_000 }).toBe(0);
    expect(await six()).toBe(55);
    await context.close();
  }, 300_000);
});
