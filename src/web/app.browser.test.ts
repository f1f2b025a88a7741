import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snap } from "./testing/browser.ts";
import { signInPage } from "./testing/server.ts";
import { startWebTest, type WebTest } from "./testing/webTest.ts";

let web: WebTest;
let base: string;

beforeAll(async () => {
  web = await startWebTest({
    demo: true,
    users: [
      { username: "quantri", displayName: "Quản trị Kiểm thử", role: "admin" },
      { username: "canbo.binhlu", displayName: "Cán bộ Bình Lư", role: "officer", unit: "Xã Bình Lư" },
    ],
  });
  base = web.base;
});

afterAll(async () => {
  await web?.close();
});

async function login(page: Page, username: string, password?: string) {
  await signInPage(page, base, username, password);
}

describe("web app in Chromium", () => {
  it("refuses a wrong password with a Vietnamese message", async () => {
    const page = await web.page();
    await login(page, "quantri", "sai-mat-khau-roi");
    await expect.poll(() => page.getByTestId("login-error").textContent()).toContain("không đúng");
    await snap(page, "01-dang-nhap-sai");
    await page.close();
  });

  it("signs in and shows the overview with today's map and the demo label", async () => {
    const page = await web.page();
    await login(page, "quantri");
    await expect.poll(() => page.getByTestId("count-communes").textContent()).toBe("38");
    expect(await page.getByTestId("demo-banner").textContent()).toContain("dữ liệu mẫu");
    for (const section of [
      "Tổng quan",
      "Văn bản & kế hoạch",
      "Nhiệm vụ",
      "Chỉ tiêu",
      "Đơn vị",
      "Báo cáo",
      "Quản trị",
    ]) {
      expect(
        await page
          .getByRole("link", { name: section })
          .or(page.getByText(section, { exact: true }))
          .count(),
      ).toBeGreaterThan(0);
    }
    await snap(page, "02-tong-quan");
    // the reports section is built now: its page opens with its rounds
    await page.getByRole("link", { name: "Báo cáo" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Báo cáo" }).count()).toBe(1);
    expect(await page.getByTestId("not-built").count()).toBe(0);
    await page.close();
  });

  it("browses units today and as of 30/06/2025, with each commune's origins", async () => {
    const page = await web.signedIn("quantri");
    await page.getByRole("link", { name: "Đơn vị" }).click();
    await page.locator('[data-unit="Xã Bình Lư"]').first().click();
    const formed = page.getByTestId("formed-from");
    await expect.poll(() => formed.textContent()).toContain("Xã Sơn Bình");
    expect(await formed.textContent()).toContain("Thị trấn Tam Đường");
    await snap(page, "03-don-vi-hom-nay");

    // "Xã Sìn Hồ" was formed on 1/7/2025: a top-level node today, absent from the earlier map
    expect(await page.locator('[data-unit="Xã Sìn Hồ"]').count()).toBe(1);
    await page.getByText("Trước sắp xếp (30/06/2025)").click();
    await expect.poll(() => page.locator('[data-unit="Huyện Tam Đường"]').count()).toBe(1);
    await expect.poll(() => page.locator('[data-unit="Xã Sìn Hồ"]').count()).toBe(0);
    await snap(page, "04-don-vi-truoc-sap-xep");

    await page.getByText("Hôm nay", { exact: true }).click();
    await page.getByLabel("Tìm theo tên").fill("nam cuoi");
    const results = page.getByTestId("search-results");
    await expect.poll(() => results.textContent()).toContain("Xã Nậm Cuổi");
    expect(await results.textContent()).toContain("khớp khi bỏ dấu");
    await snap(page, "05-tim-khong-dau");
    await page.close();
  });

  it("shows the audit log to the admin, filtered", async () => {
    const page = await web.signedIn("quantri");
    await page.getByRole("link", { name: "Nhật ký thay đổi" }).click();
    await expect.poll(() => page.getByText("user.create").count()).toBeGreaterThan(0);
    await page.getByLabel("Lọc theo người hoặc thao tác").fill("session.login");
    await expect.poll(() => page.getByText("user.create").count()).toBe(0);
    await snap(page, "06-nhat-ky");
    await page.close();
  });

  it("works on a phone width, and switches to English", async () => {
    const page = await web.page({ viewport: { width: 390, height: 844 } });
    await login(page, "canbo.binhlu");
    // an officer lands on the work they must do, not on the overview
    await expect.poll(() => page.getByRole("heading", { name: "Việc của tôi" }).count()).toBe(1);
    expect(await page.getByText("Quản trị", { exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: "Menu" }).click();
    await snap(page, "07-dien-thoai-menu");
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.getByText("Overview").count()).toBeGreaterThan(0);
    await snap(page, "08-english");
    const hasHorizontalScroll = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth + 1,
    );
    expect(hasHorizontalScroll).toBe(false);
    await page.close();
  });
});
