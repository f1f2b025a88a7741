import { performance } from "node:perf_hooks";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { startServer } from "./loadServer.ts";

const KBPS = Number(process.env.BENCH_KBPS ?? 400);
const RTT = Number(process.env.BENCH_RTT_MS ?? 400);

async function throttled(
  context: BrowserContext,
): Promise<{ page: Page; bytes: () => number; reset(): void }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: RTT,
    downloadThroughput: (KBPS * 1000) / 8,
    uploadThroughput: (KBPS * 1000) / 8,
  });
  const kinds = new Map<string, string>();
  let total = 0;
  cdp.on("Network.responseReceived", (e) => kinds.set(e.requestId, e.type));
  cdp.on("Network.loadingFinished", (e) => {
    const kind = kinds.get(e.requestId);
    if (kind === "Script" || kind === "Stylesheet") total += e.encodedDataLength;
  });
  return {
    page,
    bytes: () => total,
    reset: () => {
      total = 0;
    },
  };
}

async function visit(context: BrowserContext, base: string, user: string, password: string) {
  const { page, bytes, reset } = await throttled(context);
  reset();
  let t0 = performance.now();
  await page.goto(base);
  await page.getByRole("button", { name: "Đăng nhập" }).waitFor({ state: "visible", timeout: 120_000 });
  const login = performance.now() - t0;
  const loginBytes = bytes();
  await page.getByLabel("Tên đăng nhập").fill(user);
  await page.getByLabel("Mật khẩu").fill(password);
  reset();
  t0 = performance.now();
  // officers land on "Việc của tôi" by themselves; a navigation here could cut the sign-in request off
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page
    .getByRole("heading", { name: /Việc của tôi/ })
    .first()
    .waitFor({ timeout: 120_000 });
  const myWork = performance.now() - t0;
  const myWorkBytes = bytes();
  // the app is installed (service worker active, shell precached) before the person comes back
  t0 = performance.now();
  await page.evaluate(async () => {
    if (await navigator.serviceWorker?.getRegistration()) await navigator.serviceWorker.ready;
  });
  const installed = performance.now() - t0;
  // sign out by dropping the cookie, so the next visit starts at the login page with a warm cache
  await context.clearCookies();
  await page.close();
  return { login, loginBytes, myWork, myWorkBytes, installed };
}

// the real server with the demo data on a throw-away embedded database (the load bench's starter)
const server = await startServer("");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const officer = [...server.accounts.keys()].find((u) => u === "demo.binhlu") ?? "demo.binhlu";
  const password = server.accounts.get(officer) ?? "";
  const context = await browser.newContext();
  const first = await visit(context, server.base, officer, password);
  const repeat = await visit(context, server.base, officer, password);
  const kb = (n: number) => `${(n / 1024).toFixed(1).replace(".", ",")} KB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(2).replace(".", ",")} s`;
  console.log(`Link: ${KBPS} kbit/s, ${RTT} ms round trip (Chromium DevTools throttling)`);
  console.log(
    "| visit  | login page usable | JS+CSS (compressed) | officer's Việc của tôi | JS+CSS after login |",
  );
  console.log(
    "|--------|-------------------|---------------------|------------------------|--------------------|",
  );
  for (const [name, r] of [
    ["first", first],
    ["repeat", repeat],
  ] as const) {
    console.log(
      `| ${name.padEnd(6)} | ${s(r.login).padEnd(17)} | ${kb(r.loginBytes).padEnd(19)} | ${s(r.myWork).padEnd(22)} | ${kb(r.myWorkBytes).padEnd(18)} |`,
    );
  }
  console.log(
    `Offline-ready (service worker installed, shell precached) ${s(first.installed)} after the first visit's Việc của tôi`,
  );
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
