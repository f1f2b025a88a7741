import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePdf } from "../import/testing/fixtures.ts";
import { snap } from "./testing/browser.ts";
import { startWebTest, type WebTest } from "./testing/webTest.ts";

const PLAN = [
  "KẾ HOẠCH",
  "Huy động trẻ ra lớp năm học 2026-2027",
  "Số: 31/KH-UBND",
  "Bình Lư, ngày 02 tháng 6 năm 2026",
  "",
  "TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
  "1\tĐiều tra trẻ trong độ tuổi đến trường\tPhòng Văn hóa - Xã hội\tCông an xã\tTháng 6/2026",
  "2\tVận động trẻ ra lớp\tPhòng Văn hóa - Xã hội\tTrung tâm Dịch vụ tổng hợp\tQuý III/2026",
  "3\tBáo cáo kết quả huy động\tPhòng Văn hóa - Xã hội\t\tHằng năm",
].join("\n");
let web: WebTest;
let base: string;
let tmp: string;

beforeAll(async () => {
  web = await startWebTest({
    uploads: true,
    now: new Date("2026-07-01T03:00:00Z"),
    users: [
      { username: "dieuphoi", displayName: "Điều phối", role: "coordinator" },
      { username: "canbo", displayName: "Cán bộ Bình Lư", role: "officer", unit: "Xã Bình Lư" },
    ],
  });
  ({ base, dataDir: tmp } = web);
  await web.importPlan("31.txt", PLAN);
});
afterAll(async () => {
  await web?.close();
});

describe("following a task in the browser (clock: 01/07/2026)", () => {
  it("officer: my work, most urgent first → report with a PDF → report done; coordinator confirms", async () => {
    const page = await web.signedIn("canbo", { viewport: { width: 1280, height: 900 } });
    await page.getByRole("link", { name: "Việc của tôi" }).click();
    await expect.poll(() => page.getByTestId("count-overdue").textContent()).toBe("1");
    const first = page.getByTestId("task-rows").locator("tbody tr").first();
    expect(await first.getAttribute("data-timeliness")).toBe("overdue");
    expect(await first.textContent()).toContain("Điều tra trẻ trong độ tuổi");
    await snap(page, "20-viec-cua-toi");

    await first.getByRole("link").click();
    await page.getByRole("button", { name: "Báo cáo tiến độ" }).first().click();
    await page.getByLabel("Nội dung").fill("Đã điều tra xong 3 bản.");
    const pdf = path.join(tmp, "bien-ban.pdf");
    fs.writeFileSync(pdf, makePdf(["Bien ban dieu tra"]));
    await page.getByTestId("update-files").click();
    await page.locator('input[type="file"]').setInputFiles(pdf);
    await page.getByTestId("action-submit").click();
    await expect.poll(() => page.getByTestId("task-message").textContent()).toContain("Đã lưu");
    await expect.poll(() => page.getByText("bien-ban.pdf").count()).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Báo cáo hoàn thành" }).first().click();
    await page.getByLabel("Nội dung").fill("Hoàn thành điều tra.");
    await page.getByTestId("action-submit").click();
    await expect.poll(() => page.getByText("Chờ xác nhận").count()).toBeGreaterThan(0);
    await snap(page, "21-nhiem-vu-cho-xac-nhan");
    const url = page.url();
    await page.close();

    const coord = await web.signedIn("dieuphoi", { viewport: { width: 1280, height: 900 }, at: url });
    await coord.getByRole("button", { name: "Xác nhận hoàn thành" }).first().click();
    await coord.getByTestId("action-submit").click();
    await expect.poll(() => coord.getByText("Hoàn thành quá hạn").count()).toBeGreaterThan(0);
    await coord.goto(`${base}/nhiem-vu?tab=scoreboard`);
    await expect
      .poll(() => coord.getByTestId("scoreboard").textContent())
      .toContain("Phòng Văn hóa - Xã hội xã Bình Lư");
    await snap(coord, "22-bang-diem");
    await coord.close();
  });
});
