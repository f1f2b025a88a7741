import { defineConfig } from "vitest/config";

const dbTests = [
  "src/db/**/*.test.ts",
  "src/usecases/**/*.test.ts",
  "src/server/**/*.test.ts",
  "src/cli/**/*.test.ts",
];
/** Pure tests beside server code (x.unit.test.ts) run once, in the unit project. */
const notUnit = ["src/**/*.unit.test.ts"];
const withPostgres = Boolean(process.env.DATABASE_URL_TEST);

export default defineConfig({
  test: {
    reporters: ["default"],
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "src/domain/**/*.test.ts",
            "src/import/**/*.test.ts",
            "src/reports/**/*.test.ts",
            "src/web/i18n.test.ts",
            "src/**/*.unit.test.ts",
          ],
          // the reports' tests convert documents with LibreOffice, which is slow on a busy machine
          testTimeout: 300_000,
        },
      },
      {
        test: {
          name: "pglite",
          include: dbTests,
          exclude: notUnit,
          env: { TEST_DB: "pglite" },
          globalSetup: ["src/db/testing.globalSetup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(withPostgres
        ? [
            {
              test: {
                name: "postgres",
                include: dbTests,
                exclude: notUnit,
                env: { TEST_DB: "postgres" },
                globalSetup: ["src/db/testing.globalSetup.ts"],
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: "browser",
          include: ["src/web/**/*.browser.test.ts"],
          env: { TEST_DB: "pglite" },
          // one prepared database and one Chromium for the run; each file copies the one, connects to the other
          globalSetup: ["src/db/testing.globalSetup.ts", "src/web/testing/chromium.globalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // the files run one after another in one worker, which imports the server's modules once (not
          // once per file: ~12 s each on a busy 2-core machine); each file still has its own server,
          // database copy and browser contexts, and no module keeps state across databases
          isolate: false,
          // a page waits on the server; on a busy 2-core CI machine one second (the default) is not enough
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
