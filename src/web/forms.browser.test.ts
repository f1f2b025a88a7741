import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertParentLink, insertUnit } from "../db/repositories/orgUnitRepository.ts";
import { REFORM_DATE } from "../domain/orgUnits.ts";
import { systemActor } from "../domain/roles.ts";
import { unitIdByName } from "../server/testing.ts";
import { createUser } from "../usecases/createUser.ts";
import { snap } from "./testing/browser.ts";
import { BROWSER_PASSWORD } from "./testing/server.ts";
import { startWebTest, type WebTest } from "./testing/webTest.ts";

let web: WebTest;

beforeAll(async () => {
  web = await startWebTest({
    now: new Date("2026-03-01T03:00:00Z"),
    users: [{ username: "canbo", displayName: "Cán bộ Bình Lư", role: "officer", unit: "Xã Bình Lư" }],
  });
  const db = web.db.db;
  const name = "Trường THCS Bình Lư";
  const school = await insertUnit(db, {
    code: null,
    kind: "school",
    name,
    fullName: name,
    validFrom: REFORM_DATE,
    isSample: false,
  });
  await insertParentLink(db, school, await unitIdByName(web.db, "Xã Bình Lư"), REFORM_DATE, null);
  await createUser(db, systemActor("Kiểm thử"), {
    username: "thcs",
    displayName: "Cán bộ trường THCS",
    password: BROWSER_PASSWORD,
    role: "officer",
    orgUnitId: school,
  });
});
afterAll(async () => {
  await web?.close();
});

async function openForm(username: string): Promise<Page> {
  const page = await web.signedIn(username, {
    viewport: { width: 1280, height: 800 },
    at: "/chi-tieu?tab=entry",
  });
  await page.getByTestId("form-table").waitFor();
  return page;
}

describe("the data-entry form in sections", () => {
  it("a lower-secondary school sees its own sections only", async () => {
    const page = await openForm("thcs");
    const sections = await page
      .getByTestId("form-section")
      .evaluateAll((s) => s.map((x) => x.getAttribute("data-section")));
    expect(sections).toEqual(["lower_secondary", "secondary"]);
    const text = (await page.getByTestId("form-table").textContent()) ?? "";
    expect(text).toContain("Số giáo viên THCS");
    expect(text).not.toMatch(/mầm non|THPT/i);
    await page.close();
  });

  it("an error low on the page is shown beside its field, which is brought into view and focused on save", async () => {
    const page = await openForm("canbo");
    const headings = await page.getByTestId("form-section").locator("h4").allTextContents();
    expect(headings).toEqual([
      "Chung",
      "Giáo dục mầm non",
      "Giáo dục tiểu học",
      "Trung học cơ sở",
      "Trung học phổ thông",
    ]);
    // the last section, far below the top of a long form: more graduates than candidates
    const graduates = page.getByLabel("Số học sinh tốt nghiệp THPT", { exact: true });
    const candidates = page.getByLabel("Số học sinh dự thi tốt nghiệp THPT", { exact: true });
    await candidates.click();
    await candidates.pressSequentially("40", { delay: 20 });
    await graduates.click();
    await graduates.pressSequentially("50", { delay: 20 });
    // told at once, beside the field
    const row = page.locator("tr", { has: graduates });
    await expect.poll(() => row.textContent()).toContain("lớn hơn mẫu số");
    // back at the top of the page, the field is out of sight; saving brings it back and focuses it
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => graduates.evaluate(inViewport)).toBe(false);
    await page.getByTestId("form-actions").getByRole("button", { name: "Lưu nháp" }).click();
    await expect.poll(() => graduates.evaluate(inViewport)).toBe(true);
    expect(await graduates.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await graduates.getAttribute("aria-invalid")).toBe("true");
    // the error is the field's own description, read out with it
    const describedBy = (await graduates.getAttribute("aria-describedby")) ?? "";
    const described = await page.evaluate(
      (ids) => ids.split(" ").map((id) => document.getElementById(id)?.textContent ?? ""),
      describedBy,
    );
    expect(described.join(" ")).toContain("lớn hơn mẫu số");
    expect(await page.getByTestId("form-message").textContent()).toContain("lớn hơn mẫu số");
    await snap(page, "38-loi-canh-o-nhap");

    // corrected, the save goes through
    await graduates.fill("38");
    await page.getByTestId("form-actions").getByRole("button", { name: "Lưu nháp" }).click();
    await expect.poll(() => page.getByTestId("form-message").textContent()).toContain("Đã lưu");
    await page.close();
  }, 120_000);
});

/** Whether the element's box lies within the window. */
function inViewport(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
}
