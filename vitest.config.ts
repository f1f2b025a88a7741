import { defineConfig } from "vitest/config";

const dbTests = [
  "src/db/**/*.test.ts",
  "src/usecases/**/*.test.ts",
  "src/server/**/*.test.ts",
  "src/cli/**/*.test.ts",
];
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
          ],
        },
      },
      {
        test: {
          name: "pglite",
          include: dbTests,
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
          globalSetup: ["src/db/testing.globalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
