import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
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

describe("importing a plan in the browser", () => {
  it("upload → review (warnings first, editable) → confirm → document page and cascade", async () => {
    const page = await web.signedIn("dieuphoi", { viewport: { width: 1400, height: 1000 } });
    await page.getByRole("link", { name: "Văn bản & kế hoạch" }).click();
    await page.getByRole("link", { name: "Nhập văn bản" }).click();
    await page
      .locator('input[type="file"]')
      .setInputFiles(path.resolve("src/import/fixtures/variants-state.txt"));
    await page.getByRole("button", { name: "Đọc văn bản" }).click();
    await page.getByTestId("review").waitFor();
    expect(await page.getByTestId("review-warnings").textContent()).toContain(
      "Ban Quản lý dự án đầu tư xây dựng tỉnh",
    );
    expect(await page.getByTestId("review-coverage").textContent()).toMatch(/Bảng nhiệm vụ \d+\/\d+/);
    expect(await page.getByTestId("doc-number").inputValue()).toBe("123/KH-SGDĐT");
    const body = page.locator('[data-body="Ban Quản lý dự án đầu tư xây dựng tỉnh"]');
    expect(await body.textContent()).toContain("chưa có trong danh mục");
    await body.getByLabel("Tạo mới cơ quan này").check();
    const title = page.getByLabel("Nhiệm vụ I.1");
    await title.fill("Tổ chức hội nghị quán triệt kế hoạch (sửa khi rà soát)");
    await page.getByLabel("Thời gian II.3").fill("Quý IV/2026");
    await expect.poll(() => page.getByTestId("review-tasks").textContent()).toContain("Hạn 31/12/2026");
    await snap(page, "10-ra-soat-van-ban");
    expect(await db.db.selectFrom("document").selectAll().execute()).toHaveLength(0);

    await page.getByTestId("confirm-import").click();
    await page.getByTestId("document-tasks").waitFor();
    const tasks = await page.getByTestId("document-tasks").textContent();
    expect(tasks).toContain("(sửa khi rà soát)");
    expect(tasks).toContain("Ban Quản lý dự án đầu tư xây dựng tỉnh");
    expect(tasks).toContain("Hạn 30/09/2026");
    await snap(page, "11-van-ban-da-nhap");

    await page.getByRole("link", { name: "← Văn bản & kế hoạch" }).click();
    const cascade = page.getByTestId("cascade");
    await expect.poll(() => cascade.textContent()).toContain("2086/KH-UBND");
    expect(await cascade.textContent()).toContain("chưa có văn bản");
    expect(await cascade.textContent()).toContain("123/KH-SGDĐT");
    await snap(page, "12-chuoi-van-ban");
    await page.close();
  });

  it("shows a clear message for a file it cannot read", async () => {
    const page = await web.signedIn("dieuphoi", { at: "/van-ban/nhap" });
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "rong.txt", mimeType: "text/plain", buffer: Buffer.from("") });
    await page.getByRole("button", { name: "Đọc văn bản" }).click();
    await expect.poll(() => page.getByTestId("import-error").textContent()).toContain("rỗng");
    await page.close();
  });
});
