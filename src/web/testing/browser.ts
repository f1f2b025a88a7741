import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const SCREENSHOT_DIR = path.resolve("test-results/screenshots");

/**
 * Debian's Chromium, headless, with no background network traffic. Playwright's launch() gives
 * every browser a fresh temporary --user-data-dir of its own (it refuses one passed by hand).
 */
export async function launchChromium(
  extraArgs: string[] = [],
): Promise<{ browser: Browser; close(): Promise<void> }> {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium không có tại ${executablePath}: cài gói "chromium" (apt-get install chromium).`,
    );
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...extraArgs,
    ],
  });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  console.log(`[browser] ảnh chụp màn hình / screenshots: ${SCREENSHOT_DIR}`);
  return {
    browser,
    close: () => browser.close(),
  };
}

export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
