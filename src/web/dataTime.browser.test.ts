import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatVnTime } from "../domain/dates.ts";
import { COMMUNE_FIVE_YEAR_PLAN as PLAN } from "../usecases/testing/communePlan.ts";
import { startWebTest, type WebTest } from "./testing/webTest.ts";

const VIEWPORT = { width: 1280, height: 900 };
let web: WebTest;

beforeAll(async () => {
  web = await startWebTest({
    demo: true,
    now: new Date("2026-07-01T03:00:00Z"),
    users: [
      { username: "demo.dieuphoi", displayName: "Điều phối (tài khoản mẫu)", role: "coordinator" },
      { username: "demo.binhlu", displayName: "Cán bộ xã Bình Lư", role: "officer", unit: "Xã Bình Lư" },
    ],
  });
  await web.importPlan("12.txt", PLAN);
});
afterAll(async () => {
  await web?.close();
});

const dataTime = async (page: Page) => (await page.getByTestId("data-time").first().textContent()) ?? "";

/** Every hh:mm:ss the clock read in Vietnam between two instants (whole seconds, both ends in). */
function timesBetween(from: number, to: number): string[] {
  const out: string[] = [];
  for (let s = Math.floor(from / 1000); s <= Math.ceil(to / 1000); s++) out.push(formatVnTime(s * 1000));
  return out;
}

describe("Số liệu lúc: when the figures shown were computed", () => {
  it("the overview says when its figures were computed, as hh:mm:ss", async () => {
    const before = Date.now();
    const page = await web.signedIn("demo.dieuphoi", { viewport: VIEWPORT });
    await expect.poll(() => dataTime(page)).toMatch(/^Số liệu lúc \d{2}:\d{2}:\d{2}$/);
    const shown = (await dataTime(page)).slice(-8);
    // no Age from the server (its read cache is off in tests): the time the answer arrived
    expect(timesBetween(before, Date.now())).toContain(shown);
    await page.close();
  });

  it("a cached answer, an hour old by its Age header, shows the time it was computed", async () => {
    const page = await web.page({ viewport: VIEWPORT });
    await page.route("**/api/overview?*", async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), age: "3600" } });
    });
    const before = Date.now();
    await web.signIn(page, "demo.dieuphoi");
    await expect.poll(() => dataTime(page)).toMatch(/^Số liệu lúc \d{2}:\d{2}:\d{2}$/);
    const shown = (await dataTime(page)).slice(-8);
    expect(timesBetween(before - 3_600_000, Date.now() - 3_600_000)).toContain(shown);
    await page.close();
  });

  it("the targets, the register and the scoreboard say it too", async () => {
    const page = await web.signedIn("demo.dieuphoi", { viewport: VIEWPORT, at: "/chi-tieu" });
    await expect.poll(() => dataTime(page)).toMatch(/^Số liệu lúc \d{2}:\d{2}:\d{2}$/);
    await page.goto(`${web.base}/nhiem-vu`);
    await expect.poll(() => page.getByTestId("register-total").isVisible()).toBe(true);
    await expect.poll(() => dataTime(page)).toMatch(/^Số liệu lúc \d{2}:\d{2}:\d{2}$/);
    await page.goto(`${web.base}/nhiem-vu?tab=scoreboard`);
    await expect.poll(() => page.getByTestId("scoreboard").isVisible()).toBe(true);
    await expect
      .poll(() => page.getByTestId("data-time").filter({ visible: true }).first().textContent())
      .toMatch(/^Số liệu lúc \d{2}:\d{2}:\d{2}$/);
    await page.close();
  });
});

describe("Việc của tôi: the later years on demand", () => {
  it("the toggle counts the later rows; clicking it shows exactly that many", async () => {
    const page = await web.signedIn("demo.binhlu", { viewport: VIEWPORT, at: "/viec-cua-toi" });
    const toggle = page.getByTestId("work-later-toggle");
    await expect.poll(() => toggle.textContent()).toMatch(/^Hiện các kỳ sau \(\d+\)$/);
    const count = Number(/\((\d+)\)/.exec((await toggle.textContent()) ?? "")?.[1]);
    expect(count).toBeGreaterThan(0);
    expect(await page.getByTestId("work-later").count()).toBe(0);

    await toggle.click();
    const later = page.getByTestId("work-later");
    await expect.poll(() => later.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await later.locator("tbody tr").count()).toBe(count);
    expect(await toggle.textContent()).toBe("Ẩn các kỳ sau");
    await page.close();
  });
});
