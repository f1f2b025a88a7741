import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAN_HOST, snap } from "./testing/browser.ts";
import { BROWSER_PASSWORD } from "./testing/server.ts";
import { startWebTest, type WebTest } from "./testing/webTest.ts";

/*
 * The app opened the way an office opens it: by a LAN host name over plain http, not localhost
 * (Chromium treats localhost as secure and would hide a CSP that upgrades requests to https).
 * The run's Chromium resolves LAN_HOST ("lotrinh.lan") to this machine (--host-resolver-rules).
 */
let plain: WebTest;
let secure: WebTest;

const lanUrl = (server: WebTest) => `http://${LAN_HOST}:${new URL(server.base).port}`;

beforeAll(async () => {
  const users = [
    {
      username: "canbo.lan",
      displayName: "Cán bộ Mạng nội bộ",
      role: "officer" as const,
      unit: "Xã Bình Lư",
    },
  ];
  plain = await startWebTest({ users });
  // as if LOTRINH_SECURE_COOKIES=1 (served behind an https proxy) but reached over http
  secure = await startWebTest({ users: [], config: { secureCookies: true } });
});

afterAll(async () => {
  await plain?.close();
  await secure?.close();
});

describe("served over plain http on a LAN", () => {
  it("renders the login page at a LAN host name and signs in", async () => {
    const page = await plain.page();
    const failed: string[] = [];
    page.on("requestfailed", (r) => failed.push(r.url()));
    const res = await page.goto(lanUrl(plain));
    expect(res?.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(res?.headers()["strict-transport-security"]).toBeUndefined();
    await expect.poll(() => page.getByLabel("Tên đăng nhập").count()).toBe(1);
    await snap(page, "lan-01-dang-nhap");
    await page.getByLabel("Tên đăng nhập").fill("canbo.lan");
    await page.getByLabel("Mật khẩu").fill(BROWSER_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => page.getByText("Cán bộ Mạng nội bộ").count()).toBeGreaterThan(0);
    expect(failed.filter((u) => u.startsWith("https:"))).toEqual([]);
    expect(new URL(page.url()).host).toBe(new URL(lanUrl(plain)).host);
    await snap(page, "lan-02-da-dang-nhap");
    await page.close();
  });

  it("the https headers, sent over http, would leave the page white (why they must fit the transport)", async () => {
    const page = await secure.page();
    const res = await page.goto(lanUrl(secure));
    expect(res?.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
    // the scripts are asked for over https, which this server does not speak: nothing renders
    await page.waitForLoadState("load");
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.getByLabel("Tên đăng nhập").count()).toBe(0);
    expect((await page.locator("#root").innerHTML()).trim()).toBe("");
    await page.close();
  });
});
