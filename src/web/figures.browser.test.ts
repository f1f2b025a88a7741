import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { snap } from "./testing/browser.ts";
import { startWebTest, type WebTest } from "./testing/webTest.ts";

let web: WebTest;
let db: Db;
let base: string;

beforeAll(async () => {
  web = await startWebTest({
    now: new Date("2026-03-01T03:00:00Z"),
    users: [
      { username: "dieuphoi", displayName: "Điều phối", role: "coordinator" },
      { username: "canbo", displayName: "Cán bộ Bình Lư", role: "officer", unit: "Xã Bình Lư" },
      { username: "quantri", displayName: "Quản trị", role: "admin" },
    ],
  });
  ({ db, base } = web);
});
afterAll(async () => {
  await web?.close();
});

describe("figures in the browser", () => {
  it("an officer enters figures and is told at once what is wrong; the coordinator sees them add up", async () => {
    const page = await web.signedIn("canbo", { viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/chi-tieu?tab=entry`);
    await page.getByTestId("form-table").waitFor();
    await page.getByLabel("Số trẻ 6 tuổi vào lớp 1", { exact: true }).fill("50");
    await page.getByLabel("Số trẻ 6 tuổi", { exact: true }).fill("40");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect.poll(() => page.getByTestId("form-message").textContent()).toContain("lớn hơn mẫu số");
    await page.getByLabel("Số trẻ 6 tuổi", { exact: true }).fill("52");
    await page.getByLabel("Số trẻ mẫu giáo đến trường", { exact: true }).fill("1.234");
    await page.getByLabel("Số trẻ trong độ tuổi mẫu giáo (3–5 tuổi)", { exact: true }).fill("1.300");
    // girls are a part of the whole: more girls than children is refused at once
    await page.getByLabel("Số trẻ mẫu giáo đến trường — trong đó: nữ").fill("2.000");
    // told at once, before saving: the same checks run in the browser
    await expect
      .poll(() => page.getByTestId("form-table").textContent())
      .toContain("Số trẻ mẫu giáo đến trường — trong đó: nữ: 2.000 lớn hơn tổng số (1.234).");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect
      .poll(() => page.getByTestId("form-message").textContent())
      .toContain("lớn hơn tổng số (1.234)");
    await page.getByLabel("Số trẻ mẫu giáo đến trường — trong đó: nữ").fill("600");
    await page.getByLabel("Số trẻ trong độ tuổi mẫu giáo (3–5 tuổi) — trong đó: nữ").fill("640");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect.poll(() => page.getByTestId("form-message").textContent()).toContain("Đã lưu");
    await snap(page, "30-nhap-so-lieu");
    // the officer's drill-down starts from their own commune, not the province
    const kh02 = await db.db
      .selectFrom("indicator")
      .select("id")
      .where("code", "=", "KH5272-02")
      .executeTakeFirstOrThrow();
    await page.goto(`${base}/chi-tieu?tab=drill&indicator=${kh02.id}`);
    await expect.poll(() => page.getByTestId("indicator-trend").textContent()).toContain("Xã Bình Lư");
    await page.close();

    const coord = await web.signedIn("dieuphoi", { viewport: { width: 1280, height: 900 } });
    await coord.goto(`${base}/chi-tieu`);
    await expect.poll(() => coord.getByTestId("target-card").count()).toBeGreaterThan(5);
    expect(await coord.getByTestId("status-legend").textContent()).toContain("không quá 0,5 điểm");
    await snap(coord, "31-muc-tieu");
    const ind = await db.db
      .selectFrom("indicator")
      .select("id")
      .where("code", "=", "KH5272-02")
      .executeTakeFirstOrThrow();
    await coord.goto(`${base}/chi-tieu?tab=drill&indicator=${ind.id}`);
    // Bình Lư has only saved a draft: official totals leave it out until asked for
    await coord.getByTestId("drill-drafts").check();
    await expect.poll(() => coord.getByTestId("drill-table").textContent()).toContain("Xã Bình Lư");
    expect(await coord.getByTestId("drill-table").textContent()).toContain("94,92");
    await coord.getByTestId("indicator-trend").waitFor();
    await snap(coord, "32-so-lieu-theo-xa");
    // the same drill-down for girls only: 600 of 640
    await coord.getByRole("combobox", { name: "Phân tổ" }).click();
    await coord.getByRole("option", { name: "Nữ" }).click();
    await expect.poll(() => coord.getByTestId("drill-table").textContent()).toContain("93,75");
    await snap(coord, "33-phan-to-nu");

    // a coordinator sets a target for every commune from the targets page
    await coord.goto(`${base}/chi-tieu`);
    await coord.getByTestId("target-add").click();
    await coord.getByRole("combobox", { name: "Chỉ tiêu" }).fill("KH5272-03");
    await coord.getByRole("option", { name: /KH5272-03/ }).click();
    await coord.getByText("Mọi xã trong tỉnh").click();
    await coord.getByRole("combobox", { name: "Đơn vị" }).fill("Tỉnh Lai");
    await coord.getByRole("option", { name: "Tỉnh Lai Châu" }).click();
    await coord.getByRole("textbox", { name: /^Giá trị\s*\*?$/ }).fill("99,5");
    await coord
      .getByRole("textbox", { name: "Nội dung mục tiêu" })
      .fill("Mọi xã huy động từ 99,5 % trẻ 6 tuổi vào lớp 1 (thử)");
    await coord.getByTestId("target-save").click();
    await expect
      .poll(() => coord.getByTestId("target-card").filter({ hasText: "(thử)" }).textContent())
      .toContain("xã đạt");
    await snap(coord, "34-them-muc-tieu");
    await coord.goto(`${base}/chi-tieu?tab=entry`);
    await expect.poll(() => coord.getByTestId("completeness").textContent()).toContain("0/38");
    await coord.close();
    // two people, eight pages: near a minute on a loaded 2-core machine, so two minutes as below
  }, 120_000);

  // typing key by key is slow on a loaded 2-core machine: these tests get two minutes each
  it("numbers typed the Vietnamese way are read as typed in the data-entry form; 150,5 children and 5 in a yes/no field are refused", async () => {
    const page = await web.signedIn("canbo", { viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/chi-tieu?tab=entry`);
    await page.getByTestId("form-table").waitFor();
    /** Clears a field and types into it key by key, as a person does (no fill, no paste). */
    const typeInto = async (label: string, text: string) => {
      const field = page.getByLabel(label, { exact: true });
      await field.click();
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Backspace");
      await field.pressSequentially(text, { delay: 20 });
      return field;
    };
    const den = "Số trẻ trong độ tuổi mẫu giáo (3–5 tuổi)";
    await typeInto(den, "1.234");
    await expect.poll(() => page.getByTestId("form-table").textContent()).toContain("= 1.234");
    // a count of children cannot be 150,5; a yes/no field takes 0 or 1 only — told at once
    await typeInto("Số trẻ mẫu giáo đến trường", "150,5");
    await expect
      .poll(() => page.getByTestId("form-table").textContent())
      .toContain("là số đếm, phải là số nguyên (không nhận 150,5)");
    const yesNo = "Đạt chuẩn PCGD THCS mức độ 1 (1 = đạt)";
    await typeInto(yesNo, "5");
    await expect
      .poll(() => page.getByTestId("form-table").textContent())
      .toContain("chỉ nhận 1 (đạt) hoặc 0 (chưa đạt), không nhận 5");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect.poll(() => page.getByTestId("form-message").textContent()).toMatch(/số nguyên|chỉ nhận 1/);
    await snap(page, "36-go-so-bi-tu-choi");
    await typeInto("Số trẻ mẫu giáo đến trường", "1.200");
    await typeInto(yesNo, "1");
    await page.getByRole("button", { name: "Lưu nháp" }).click();
    await expect.poll(() => page.getByTestId("form-message").textContent()).toContain("Đã lưu");
    const stored = async (name: string) => {
      const row = await db.db
        .selectFrom("data_value as v")
        .innerJoin("data_element as e", "e.id", "v.element_id")
        .innerJoin("org_unit as u", "u.id", "v.org_unit_id")
        .select("v.value")
        .where("e.name", "=", name)
        .where("u.full_name", "=", "Xã Bình Lư")
        .where("v.category", "=", "")
        .executeTakeFirstOrThrow();
      return Number(row.value);
    };
    expect(await stored(den)).toBe(1234);
    expect(await stored("Số trẻ mẫu giáo đến trường")).toBe(1200);
    expect(await stored(yesNo)).toBe(1);
    await page.close();
  }, 120_000);

  it("the target form reads 1.234,5 as typed, and saves 99,8 and 35,5 as typed", async () => {
    const coord = await web.signedIn("dieuphoi", { viewport: { width: 1280, height: 900 } });
    await coord.goto(`${base}/chi-tieu`);
    await coord.getByTestId("target-add").click();
    await coord.getByRole("combobox", { name: "Chỉ tiêu" }).fill("KH5272-02");
    await coord.getByRole("option", { name: /KH5272-02/ }).click();
    await coord.getByRole("combobox", { name: "Đơn vị" }).fill("Bình Lư");
    await coord.getByRole("option", { name: "Xã Bình Lư" }).click();
    const value = coord.getByRole("textbox", { name: /^Giá trị\s*\*?$/ });
    await value.click();
    await value.pressSequentially("1.234,5", { delay: 20 });
    await expect.poll(() => coord.getByTestId("target-form").textContent()).toContain("= 1.234,5");
    await value.press("Control+A");
    await value.press("Backspace");
    await value.pressSequentially("99,8", { delay: 20 });
    await expect.poll(() => coord.getByTestId("target-form").textContent()).toContain("= 99,8");
    const baseline = coord.getByRole("textbox", { name: "Giá trị gốc" });
    await baseline.click();
    await baseline.pressSequentially("35,5", { delay: 20 });
    await coord.getByRole("textbox", { name: "Năm gốc" }).pressSequentially("2025", { delay: 20 });
    await coord
      .getByRole("textbox", { name: "Nội dung mục tiêu" })
      .fill("Bình Lư huy động 99,8 % trẻ mẫu giáo (gõ)");
    await snap(coord, "37-go-muc-tieu");
    await coord.getByTestId("target-save").click();
    await expect.poll(() => coord.getByTestId("target-card").filter({ hasText: "(gõ)" }).count()).toBe(1);
    const target = await db.db
      .selectFrom("indicator_target")
      .select(["value", "baseline_value"])
      .where("label", "like", "%(gõ)%")
      .executeTakeFirstOrThrow();
    expect(Number(target.value)).toBe(99.8);
    expect(Number(target.baseline_value)).toBe(35.5);
    await coord.close();
  }, 120_000);

  it("an administrator keeps the indicator catalog", async () => {
    const page = await web.signedIn("quantri", { viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/quan-tri/chi-tieu`);
    await expect.poll(() => page.getByTestId("catalog-table").textContent()).toContain("KH5272-28");
    expect(
      await page.getByTestId("catalog-table").getByRole("row").filter({ hasText: "NQ06-KCH" }).textContent(),
    ).toContain("Cấp học");
    await page.getByTestId("catalog-add").click();
    await page.getByRole("textbox", { name: "Mã" }).fill("TH-01");
    await page
      .getByRole("textbox", { name: "Tên chỉ tiêu" })
      .fill("Tỷ lệ học sinh được học 2 buổi/ngày (thử)");
    await page.getByRole("textbox", { name: "Tử số (tên chỉ số nhập)" }).fill("Số học sinh học 2 buổi/ngày");
    await page.getByRole("textbox", { name: "Mẫu số (tên chỉ số nhập)" }).fill("Tổng số học sinh");
    await page.getByTestId("catalog-save").click();
    await expect.poll(() => page.getByTestId("catalog-table").textContent()).toContain("TH-01");
    await snap(page, "35-danh-muc-chi-tieu");
    await page.close();
  });
});
