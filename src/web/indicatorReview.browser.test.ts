import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { snap } from "./testing/browser.ts";
import { startWebTest, type WebTest } from "./testing/webTest.ts";

let web: WebTest;
let db: Db;

beforeAll(async () => {
  web = await startWebTest({
    uploads: true,
    users: [{ username: "dieuphoi", displayName: "Điều phối", role: "coordinator" }],
  });
  ({ db } = web);
});
afterAll(async () => {
  await web?.close();
});

describe.runIf(seedsAvailable())("reviewing an indicator table in the browser", () => {
  it("shows each row's proposed indicator and each column's period; a skipped row is not written, a new indicator is made", async () => {
    const page = await web.signedIn("dieuphoi", {
      viewport: { width: 1500, height: 1000 },
      at: "/van-ban/nhap",
    });
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "5272.txt", mimeType: "text/plain", buffer: Buffer.from(readSeed("002_")) });
    await page.getByRole("button", { name: "Đọc văn bản" }).click();
    const card = page.getByTestId("review-indicators");
    await card.waitFor({ timeout: 120_000 });
    const columns = await page.getByTestId("review-indicator-columns").textContent();
    expect(columns).toContain("«Kết quả năm học 2024-2025»→số liệu kỳ 2024SY");
    expect(columns).toContain("«Chỉ tiêu năm học 2025-2026»→mục tiêu kỳ 2025SY");
    await expect
      .poll(() => page.getByLabel("Chỉ tiêu trong danh mục 13", { exact: true }).first().inputValue())
      .toContain("KH5272-13");
    expect(await page.getByTestId("indicator-row-9").textContent()).toContain("95,4");
    await page.getByLabel("Bỏ qua 1", { exact: true }).check();
    expect(await card.textContent()).toContain("26/27");
    // row 2 cleared: not written unless the reviewer accepts a new indicator for it
    expect(await page.getByLabel("Tạo chỉ tiêu mới 2", { exact: true }).count()).toBe(0);
    await page.getByLabel("Bỏ chọn chỉ tiêu 2", { exact: true }).click();
    expect(await card.textContent()).toContain("25/27");
    await page.getByLabel("Tạo chỉ tiêu mới 2", { exact: true }).check();
    expect(await card.textContent()).toContain("26/27");
    expect(await page.getByLabel("Tên chỉ tiêu mới 2", { exact: true }).inputValue()).toContain("mau giao"); // the scan's reading, to be corrected
    expect(await page.getByLabel("Đơn vị tính 2", { exact: true }).inputValue()).toBe("%");
    expect(await page.getByLabel("Loại chỉ tiêu 2", { exact: true }).first().inputValue()).toBe("Tỷ lệ");
    await page.getByLabel("Tên chỉ tiêu mới 2", { exact: true }).fill("Tỷ lệ trẻ mẫu giáo ra lớp (mới)");
    await snap(page, "indicator-review");
    await page.getByTestId("confirm-import").click();
    await page.getByTestId("document-tasks").waitFor({ timeout: 120_000 });
    const written = await db.db
      .selectFrom("reported_value as r")
      .innerJoin("indicator as i", "i.id", "r.indicator_id")
      .select("i.code")
      .execute();
    expect(written).toHaveLength(52);
    expect(written.some((w) => w.code === "KH5272-01" || w.code === "KH5272-02")).toBe(false);
    expect(written.filter((w) => w.code === "KH5272-02-2")).toHaveLength(2);
    const made = await db.db
      .selectFrom("indicator")
      .select(["name", "unit", "type"])
      .where("code", "=", "KH5272-02-2")
      .executeTakeFirstOrThrow();
    expect(made).toEqual({ name: "Tỷ lệ trẻ mẫu giáo ra lớp (mới)", unit: "%", type: "rate" });
    await page.close();
  }, 300_000);
});
