import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { unitCandidates } from "../../db/repositories/orgUnitRepository.ts";
import { systemActor } from "../../domain/roles.ts";
import { parsePlan } from "../../import/parsePlan.ts";
import { draftToConfirmed } from "../../import/toConfirmed.ts";
import { WEB_DIST } from "../../server/app.ts";
import { closeFilePool, warmFilePool } from "../../server/uploads/filePool.ts";
import { importPlanDocument } from "../../usecases/importPlanDocument.ts";
import { connectChromium } from "./browser.ts";
import { BROWSER_PASSWORD, startWebServer, type WebServer } from "./server.ts";

type ServerOptions = Parameters<typeof startWebServer>[0] & {
  /**
   * The file readers' worker started before the first test, as `lotrinh start` does: from source
   * (tsx) it takes seconds, which a busy machine would otherwise spend inside an upload's time limit.
   */
  uploads?: boolean;
};

export interface WebTest extends WebServer {
  browser: Browser;
  /** A page in a fresh browser context of its own (cookies, storage, service workers), closed with it. */
  page(options?: BrowserContextOptions): Promise<Page>;
  /**
   * A page in a fresh context, signed in as this user through the API (the sign-in form itself is
   * tested in app.browser.test.ts and deployment.browser.test.ts), opened at `at` (default: "/").
   */
  signedIn(username: string, options?: BrowserContextOptions & { at?: string }): Promise<Page>;
  /** Signs this page's context in as the user through the API, then opens `at` (default: "/"). */
  signIn(page: Page, username: string, at?: string): Promise<void>;
  /** Imports a plan given as text (as read from a document), as the importer would; its document id. */
  importPlan(name: string, text: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * One browser test file's setup: the real server with the built web app on a copy of the run's
 * prepared database (testing/server.ts), and a connection to the run's Chromium
 * (chromium.globalSetup.ts). Every page gets its own context.
 */
export async function startWebTest(opts: ServerOptions): Promise<WebTest> {
  if (!fs.existsSync(path.join(WEB_DIST, "index.html")))
    throw new Error("Chưa build giao diện: chạy `node scripts/buildWeb.mjs` trước.");
  const [server, browser] = await Promise.all([
    startWebServer(opts),
    connectChromium(),
    opts.uploads ? warmFilePool() : undefined,
  ]);
  const page = (options: BrowserContextOptions = {}) => browser.newPage(options);
  const signIn = async (p: Page, username: string, at = "/") => {
    const res = await p.request.post(`${server.base}/api/session`, {
      data: { username, password: BROWSER_PASSWORD },
    });
    if (!res.ok()) throw new Error(`sign-in of ${username} failed: ${res.status()} ${await res.text()}`);
    await p.goto(new URL(at, server.base).toString());
    // attached, not visible: at a phone's width the name sits in the menu
    await p.getByTestId("current-user").waitFor({ state: "attached" });
  };
  return {
    ...server,
    browser,
    page,
    signIn,
    signedIn: async (username, { at, ...options } = {}) => {
      const p = await page(options);
      await signIn(p, username, at);
      return p;
    },
    importPlan: async (name, text) => {
      const draft = parsePlan(text, { units: await unitCandidates(server.db.db) });
      const plan = draftToConfirmed(draft, { name, format: "text", text });
      return (await importPlanDocument(server.db.db, systemActor("Kiểm thử"), plan)).documentId;
    },
    close: async () => {
      await browser.close();
      await server.close();
      if (opts.uploads) await closeFilePool();
    },
  };
}
