import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../domain/roles.ts";
import { unitIdByName } from "../server/testing.ts";
import { saveTarget } from "../usecases/saveTarget.ts";
import { snap } from "./testing/browser.ts";
import { startWebTest, type WebTest } from "./testing/webTest.ts";

/*
 * Every page at 360 px (a small phone), as each role and without a login: a screenshot of each
 * (test-results/screenshots/360-…png) and nothing wider than the screen — the page never scrolls
 * sideways and no element reaches past the right edge (a table that needs a sideways scroll fails).
 */
const WIDTH = 360;
const PLANS = path.resolve(import.meta.dirname, "../../demo/plans");
let web: WebTest;
const ids = { plan: 0, provincePlan: 0, task: 0, binhLu: 0 };

function importPlan(prefix: string) {
  const name = fs.readdirSync(PLANS).find((n) => n.startsWith(prefix)) as string;
  return web.importPlan(name, fs.readFileSync(path.join(PLANS, name), "utf8"));
}

beforeAll(async () => {
  web = await startWebTest({
    now: new Date("2026-07-01T03:00:00Z"),
    users: [
      { username: "quantri", displayName: "Quản trị Kiểm thử Có Tên Khá Dài", role: "admin" },
      { username: "dieuphoi", displayName: "Điều phối", role: "coordinator" },
      { username: "lanhdao", displayName: "Lãnh đạo", role: "leader" },
      { username: "canbo", displayName: "Cán bộ Bình Lư", role: "officer", unit: "Xã Bình Lư" },
    ],
  });
  const db = web.db.db;
  ids.provincePlan = await importPlan("000_");
  ids.plan = await importPlan("003_");
  ids.binhLu = await unitIdByName(web.db, "Xã Bình Lư");
  const task = await db
    .selectFrom("plan_task")
    .select("id")
    .where("document_id", "=", ids.plan)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  ids.task = task.id;
  const indicator = await db
    .selectFrom("indicator")
    .select("id")
    .where("code", "=", "KH5272-02")
    .executeTakeFirstOrThrow();
  const target = (await saveTarget(db, systemActor("Kiểm thử"), {
    indicatorId: indicator.id,
    unitId: ids.binhLu,
    value: 95,
    dueYear: 2030,
    label: "Tỷ lệ huy động trẻ mẫu giáo ra lớp của xã Bình Lư đạt từ 95 % trở lên",
  })) as { id: number };
  await db.insertInto("public_document").values({ document_id: ids.plan, published_by: null }).execute();
  await db.insertInto("public_target").values({ target_id: target.id, published_by: null }).execute();
}, 240_000);

afterAll(async () => {
  await web?.close();
});

/** What reaches past the right edge of a 360 px screen (the page's own width included). */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const se = document.scrollingElement as Element;
    const width = se.clientWidth;
    const wide: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden") continue;
      if (r.right > width + 1 || r.width > width + 1) {
        const cls = typeof el.className === "string" ? el.className.split(" ")[0] : "";
        const text = (el.textContent ?? "").trim().slice(0, 40);
        wide.push(`${el.tagName.toLowerCase()}.${cls} right=${Math.round(r.right)} «${text}»`);
      }
    }
    return { scrollWidth: se.scrollWidth, clientWidth: width, wide: wide.slice(0, 8) };
  });
}

/**
 * Opens a page, lets it settle, takes its picture and measures it against the screen's width; returns
 * what is too wide (every page is visited before the test judges, so one run names every offender).
 */
async function visit(page: Page, url: string, name: string): Promise<string[]> {
  await page.goto(`${web.base}${url}`);
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.locator(".mantine-Loader-root:visible").count(), { timeout: 20_000 }).toBe(0);
  await page.waitForTimeout(150);
  await snap(page, `360-${name}`);
  const o = await overflow(page);
  const problems = o.wide.map((w) => `${name}: ${w}`);
  if (o.scrollWidth > o.clientWidth)
    problems.unshift(`${name}: the page scrolls sideways (${o.scrollWidth} px)`);
  return problems;
}

const PAGES = {
  common: [
    ["/", "tong-quan"],
    ["/viec-cua-toi", "viec-cua-toi"],
    ["/van-ban", "van-ban"],
    ["/van-ban/:plan", "van-ban-chi-tiet"],
    ["/nhiem-vu", "nhiem-vu"],
    ["/nhiem-vu/:task", "nhiem-vu-chi-tiet"],
    ["/chi-tieu", "chi-tieu"],
    ["/don-vi", "don-vi"],
    ["/bao-cao", "bao-cao"],
    ["/tai-khoan", "tai-khoan"],
  ],
  importer: [["/van-ban/nhap", "nhap-van-ban"]],
  admin: [
    ["/quan-tri/tai-khoan", "quan-tri-tai-khoan"],
    ["/quan-tri/nhat-ky", "quan-tri-nhat-ky"],
    ["/quan-tri/chi-tieu", "quan-tri-chi-tieu"],
    ["/quan-tri/cong-khai", "quan-tri-cong-khai"],
  ],
} as const;

const ROLES = {
  canbo: [...PAGES.common],
  lanhdao: [...PAGES.common],
  dieuphoi: [...PAGES.common, ...PAGES.importer],
  quantri: [...PAGES.common, ...PAGES.importer, ...PAGES.admin],
} as const;

const fill = (url: string) => url.replace(":plan", String(ids.plan)).replace(":task", String(ids.task));

describe("every page at 360 px", () => {
  it("without a login: the sign-in page and the public page", async () => {
    const page = await web.page({ viewport: { width: WIDTH, height: 740 } });
    const problems = [
      ...(await visit(page, "/", "dang-nhap")),
      ...(await visit(page, "/cong-khai", "cong-khai")),
    ];
    expect(await page.getByTestId("public-plans").count()).toBe(1);
    expect(await page.getByTestId("public-targets").count()).toBe(1);
    problems.push(...(await visit(page, `/cong-khai?keHoach=${ids.plan}`, "cong-khai-ke-hoach")));
    problems.push(...(await visit(page, `/cong-khai?donVi=${ids.binhLu}`, "cong-khai-xa")));
    await page.close();
    expect(problems).toEqual([]);
  });

  for (const [username, pages] of Object.entries(ROLES)) {
    it(`${username}: the header, the menu and every page`, async () => {
      const page = await web.signedIn(username, { viewport: { width: WIDTH, height: 740 } });
      const burger = page.getByRole("button", { name: "Menu" });
      await burger.waitFor();
      await burger.click();
      await page.getByTestId("mobile-account").waitFor();
      await snap(page, `360-${username}-menu`);
      const o = await overflow(page);
      const problems = o.wide.map((w) => `${username}-menu: ${w}`);
      if (o.scrollWidth > o.clientWidth) problems.push(`${username}-menu: the page scrolls sideways`);
      for (const [url, name] of pages)
        problems.push(...(await visit(page, fill(url), `${username}-${name}`)));
      await page.close();
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
