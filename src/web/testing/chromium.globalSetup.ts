/**
 * Vitest global setup for the browser project: one Chromium for the whole run, which every browser
 * test file connects to (testing/browser.ts sharedChromium) instead of launching its own. Each test
 * still gets a fresh browser context (its own cookies, storage and service workers).
 */
import type { TestProject } from "vitest/node";
import { launchChromiumServer } from "./browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await launchChromiumServer();
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return () => server.close();
}
