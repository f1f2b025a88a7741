import fs from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snap } from "./testing/browser.ts";
import { startWebTest, type WebTest } from "./testing/webTest.ts";

const PLAN = [
  "KẾ HOẠCH",
  "Huy động trẻ ra lớp năm học 2026-2027",
  "Số: 32/KH-UBND",
  "Bình Lư, ngày 02 tháng 1 năm 2026",
  "",
  "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
  "1\tĐiều tra trẻ trong độ tuổi đến trường\tPhòng Văn hóa - Xã hội\tCông an xã\tTháng 3/2026",
  "2\tVận động trẻ ra lớp\tPhòng Văn hóa - Xã hội\tTrung tâm Dịch vụ tổng hợp\tQuý III/2026",
].join("\n");

let web: WebTest;
let base: string;

beforeAll(async () => {
  web = await startWebTest({
    now: new Date("2026-07-01T03:00:00Z"),
    users: [
      { username: "dieuphoi", displayName: "Điều phối", role: "coordinator" },
      { username: "canbo", displayName: "Cán bộ Bình Lư", role: "officer", unit: "Xã Bình Lư" },
    ],
  });
  base = web.base;
  await web.importPlan("32.txt", PLAN);
});
afterAll(async () => {
  await web?.close();
});

function login(username: string): Promise<Page> {
  return web.signedIn(username, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}

/** Picks an option of a Mantine select by its label. */
async function pick(page: Page, label: string, option: string | RegExp) {
  await page.getByLabel(label, { exact: true }).first().click();
  await page.getByRole("option", { name: option }).first().click();
}

describe("Báo cáo in the browser (clock: 01/07/2026)", () => {
  it("a coordinator opens a round; the officer sees it in Việc của tôi, drafts, previews and downloads the DOCX", async () => {
    const coord = await login("dieuphoi");
    await coord.goto(`${base}/bao-cao`);
    await pick(coord, "Kế hoạch", /32\/KH-UBND/);
    await coord.getByLabel("Hạn gửi").fill("2026-07-10");
    await pick(coord, "Cấp tổng hợp", "Xã Bình Lư");
    await coord.getByTestId("open-round").click();
    await expect.poll(() => coord.getByRole("row", { name: /32\/KH-UBND/ }).count()).toBe(1);
    expect(await coord.getByRole("row", { name: /32\/KH-UBND/ }).textContent()).toContain("0/1");
    await snap(coord, "60-mo-dot-bao-cao");
    await coord.close();

    const officer = await login("canbo");
    await officer.goto(`${base}/viec-cua-toi`);
    await expect.poll(() => officer.getByTestId("my-reports").textContent()).toContain("32/KH-UBND");
    expect(await officer.getByTestId("my-reports").textContent()).toContain("10/07/2026");
    await officer.getByTestId("my-reports").getByRole("link").first().click();
    await officer.waitForURL(/\/bao-cao$/);
    // the reports page is its own chunk: until it has loaded, the task rows of Việc của tôi are still shown
    await expect.poll(() => officer.getByRole("heading", { name: "Báo cáo" }).count()).toBe(1);
    await expect.poll(() => officer.getByRole("row", { name: /32\/KH-UBND/ }).count()).toBe(1);
    await officer.getByRole("row", { name: /32\/KH-UBND/ }).click();
    await officer.getByRole("button", { name: "Soạn báo cáo" }).click();
    // the draft is generated from the body's own tasks and shown in the page
    const preview = officer.getByTestId("report-preview");
    await expect.poll(() => preview.textContent(), { timeout: 30_000 }).toContain("BÁO CÁO");
    expect(await preview.textContent()).toContain("Điều tra trẻ trong độ tuổi đến trường");
    await snap(officer, "61-xem-truoc-bao-cao");
    const [download] = await Promise.all([
      officer.waitForEvent("download"),
      officer.getByRole("button", { name: "Tải DOCX" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    // Chromium runs apart (chromium.globalSetup.ts): the download is copied here, then read
    const saved = path.join(web.dataDir, download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = fs.readFileSync(saved);
    // a DOCX is a zip whose content types declare a WordprocessingML main document
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const files = unzipSync(new Uint8Array(bytes));
    const types = Buffer.from(files["[Content_Types].xml"] ?? new Uint8Array()).toString("utf8");
    expect(types).toContain(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    );
    const body = Buffer.from(files["word/document.xml"] ?? new Uint8Array()).toString("utf8");
    expect(body).toContain("BÁO CÁO");
    expect(body).toContain("Điều tra trẻ trong độ tuổi đến trường");
    // the parts that need the body's own judgement are blank: the app asks before sending
    await officer.getByTestId("submit-report").click();
    const ask = officer.getByTestId("empty-parts-dialog");
    await expect.poll(() => ask.textContent(), { timeout: 30_000 }).toContain("còn trống");
    await ask.getByRole("button", { name: "Hủy" }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await officer.getByTestId("submissions").textContent()).not.toContain("Đã gửi");
    // once written, the report goes without a question
    const parts = officer.locator('textarea[data-testid^="judgement-"]');
    expect(await parts.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await parts.count()); i++)
      await parts.nth(i).fill("Đơn vị đã triển khai đúng tiến độ.");
    await officer.getByTestId("submit-report").click();
    await expect
      .poll(() => officer.getByTestId("submissions").textContent(), { timeout: 30_000 })
      .toContain("Đã gửi");
    expect(await ask.count()).toBe(0);
    await officer.close();
  }, 180_000);

  it("the coordinator returns a submitted report through the app's dialog, which refuses an empty reason", async () => {
    const coord = await login("dieuphoi");
    // the browser's own prompt/confirm must never appear: it would be dismissed here, silently
    const browserDialogs: string[] = [];
    coord.on("dialog", (d) => {
      browserDialogs.push(d.message());
      void d.dismiss();
    });
    await coord.goto(`${base}/bao-cao`);
    await coord
      .getByRole("row", { name: /32\/KH-UBND/ })
      .first()
      .click();
    const row = coord.getByTestId("submissions").getByRole("row", { name: /Bình Lư/ });
    await expect.poll(() => row.textContent()).toContain("Đã gửi");
    await row.getByRole("button", { name: "Trả lại" }).click();
    const dialog = coord.getByTestId("return-report-dialog");
    await dialog.waitFor();
    // no reason: refused in the dialog, in Vietnamese, and nothing is sent
    await dialog.getByRole("button", { name: "Trả lại" }).click();
    await expect.poll(() => dialog.textContent()).toContain("Trả lại báo cáo cần ghi lý do");
    expect(await row.textContent()).toContain("Đã gửi");
    await dialog.getByLabel(/Lý do trả lại báo cáo/).fill("Thiếu số liệu quý II");
    await snap(coord, "62-tra-lai-bao-cao");
    await dialog.getByRole("button", { name: "Trả lại" }).click();
    await expect.poll(() => coord.getByTestId("return-report-dialog").count()).toBe(0);
    await expect.poll(() => row.textContent()).toContain("Trả lại");
    expect(await row.textContent()).not.toContain("Đã gửi");
    expect(browserDialogs).toEqual([]);
    // a chase of the returned report says whom it reached, as a task's chase does
    await row.getByRole("button", { name: /Đôn đốc/ }).click();
    const chased = coord.getByTestId("chase-message");
    await expect.poll(() => chased.count()).toBe(1);
    expect(await chased.textContent()).toMatch(
      /Đã đôn đốc .*: Cán bộ Bình Lư \(chưa có e-mail, chỉ nhận trong ứng dụng\)/,
    );
    await expect.poll(() => row.textContent()).toContain("Đôn đốc (1)");
    await coord.close();

    // the body sees why
    const officer = await login("canbo");
    await officer.goto(`${base}/bao-cao`);
    await officer
      .getByRole("row", { name: /32\/KH-UBND/ })
      .first()
      .click();
    await officer.getByRole("button", { name: "Soạn báo cáo" }).click();
    await expect.poll(() => officer.getByText("Thiếu số liệu quý II").count()).toBe(1);
    // and the bell told them of each step: asked, returned with the reason, chased
    await officer.getByTestId("bell").click();
    const menu = officer.getByRole("menu");
    await expect.poll(() => menu.textContent()).toContain("Báo cáo bị trả lại");
    const notes = (await menu.textContent()) ?? "";
    expect(notes).toContain("Yêu cầu báo cáo:");
    expect(notes).toContain("Thiếu số liệu quý II");
    expect(notes).toContain("Đôn đốc:");
    // from elsewhere, a report's notification (it has no task) opens the reports page
    await officer.keyboard.press("Escape");
    await officer.goto(`${base}/`);
    await officer.getByTestId("bell").click();
    await officer.getByRole("menuitem", { name: /Báo cáo bị trả lại/ }).click();
    await expect.poll(() => new URL(officer.url()).pathname).toBe("/bao-cao");
    await officer.close();
  }, 180_000);
});
