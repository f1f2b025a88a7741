import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openTestDb } from "../db/testing.ts";

const bin = path.resolve("bin/lotrinh.js");
// The command's own checks run once, in the PGlite project; the PostgreSQL project runs it against the server.
const onPostgres = inject("dbTemplate").kind === "postgres";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmp, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(onPostgres)(
  "lotrinh command: bad configuration gives one clear line and a non-zero exit",
  () => {
    it("a malformed DATABASE_URL", () => {
      const r = run(["db", "migrate"], { DATABASE_URL: "khong-phai-url" });
      expect(r.code).toBe(1);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toContain("[DB_BAD_URL]");
    });

    it("an unreachable server", () => {
      const r = run(["db", "migrate"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
      expect(r.code).toBe(1);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toContain("Không kết nối được PostgreSQL tại 127.0.0.1:1/none");
    });

    it("a data directory that is not ours", () => {
      const foreign = path.join(tmp, "foreign");
      fs.mkdirSync(foreign);
      fs.writeFileSync(path.join(foreign, "bao-cao.xlsx"), "x");
      const r = run(["db", "migrate"], { LOTRINH_DATA_DIR: foreign });
      expect(r.code).toBe(1);
      expect(r.err).toContain("[DATA_DIR_FOREIGN]");
      expect(fs.readdirSync(foreign)).toEqual(["bao-cao.xlsx"]);
    });
  },
);

describe.skipIf(onPostgres)("lotrinh command on the embedded database", () => {
  const dataDir = path.join(tmp, "data");
  const env = { LOTRINH_DATA_DIR: dataDir };

  it("migrates, creates the first admin, backs up and restores", () => {
    const m = run(["db", "migrate"], env);
    expect(m.code, m.err).toBe(0);
    const u = run(["user", "create", "--username", "admin", "--name", "Quản trị"], env);
    expect(u.code, u.err).toBe(0);
    expect(u.out).toMatch(/Mật khẩu: \S{19}/);
    const officer = run(
      ["user", "create", "-u", "canbo", "-r", "officer", "--unit", "binh lu", "-p", "mat-khau-can-bo"],
      env,
    );
    expect(officer.code, officer.err).toBe(0);
    expect(officer.out).toContain("Xã Bình Lư");
    const file = path.join(tmp, "sao-luu.json.gz");
    const b = run(["db", "backup", file], env);
    expect(b.code, b.err).toBe(0);
    const restore = run(["db", "restore", file], env);
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toContain("Đã khôi phục");
    const bad = run(["db", "restore", path.join(tmp, "khong-co.gz")], env);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("[BACKUP_INVALID]");
    const rollups = run(["db", "rollups"], env);
    expect(rollups.code, rollups.err).toBe(0);
    // 38 communes + 106 old ones + 8 districts + 31 bodies under the province: at least one pair each
    expect(rollups.out).toMatch(/Đã dựng lại: (\d{3}|\d\.\d{3}) quan hệ/);
  }, 90_000); // seven runs of the command, each opening the embedded database
});

describe.runIf(onPostgres)("lotrinh command on a PostgreSQL server", () => {
  it("backs up and restores through DATABASE_URL", async () => {
    const db = await openTestDb();
    try {
      const file = path.join(tmp, "pg.json.gz");
      const r = run(["db", "backup", file], { DATABASE_URL: db.url as string });
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain("Đã sao lưu");
      const restore = run(["db", "restore", file], { DATABASE_URL: db.url as string });
      expect(restore.code, restore.err).toBe(0);
    } finally {
      await db.close();
    }
  });
});
