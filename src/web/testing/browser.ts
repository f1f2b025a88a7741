import fs from "node:fs";
import path from "node:path";
import { type Browser, type BrowserServer, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

export const SCREENSHOT_DIR = path.resolve("test-results/screenshots");

/** A LAN host name that the shared Chromium resolves to this machine (deployment.browser.test.ts). */
export const LAN_HOST = "lotrinh.lan";

/**
 * Debian's Chromium, headless, with no background network traffic, as a server that the test files
 * connect to (chromium.globalSetup.ts). Playwright gives it a fresh temporary --user-data-dir; each
 * test's context is its own profile within it. The app opens by a LAN host name too
 * (--host-resolver-rules), as an office reaches it.
 */
export function launchChromiumServer(): Promise<BrowserServer> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium không có tại ${executablePath}: cài gói "chromium" (apt-get install chromium).`,
    );
  }
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  console.log(`[browser] ảnh chụp màn hình / screenshots: ${SCREENSHOT_DIR}`);
  return chromium.launchServer({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`,
    ],
  });
}

/**
 * A connection to the run's Chromium (launched once by the browser project's global setup): a few
 * milliseconds instead of a browser start. Closing it closes its contexts and leaves Chromium running.
 */
export function connectChromium(): Promise<Browser> {
  return chromium.connect(inject("chromiumEndpoint"));
}

export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
