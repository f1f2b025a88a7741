import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { MIGRATION_NAMES } from "../db/migrate.ts";
import { bulkUpsertValues, sumUp } from "../db/repositories/figureQueries.ts";
import { readRollupState } from "../db/repositories/rollupRepository.ts";
import { DERIVED_TABLES, TABLES_IN_ORDER } from "../db/tables.ts";
import { openTestDb } from "../db/testing.ts";
import { systemActor } from "../domain/roles.ts";
import { todayIso } from "../domain/status.ts";
import { backupDatabase } from "./backupDatabase.ts";
import { createUser } from "./createUser.ts";
import { restoreDatabase } from "./restoreDatabase.ts";

let source: Db;
let target: Db;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lotrinh-backup-"));
const actor = systemActor("Kiểm thử");

async function counts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES_IN_ORDER) {
    const r = await db.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

beforeAll(async () => {
  source = await openTestDb();
  target = await openTestDb();
});
afterAll(async () => {
  await source.close();
  await target.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("knows every table: each is backed up in order, or declared derived and rebuilt", async () => {
    const r = await sql<{ table_name: string }>`select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(
      source.db,
    );
    expect(r.rows.map((x) => x.table_name).sort()).toEqual([...TABLES_IN_ORDER, ...DERIVED_TABLES].sort());
  });

  it("restores exactly what was backed up, and new rows get fresh ids", async () => {
    await createUser(source.db, actor, {
      username: "luu.tru",
      displayName: "Lưu Trữ",
      password: "mat-khau-luu-tru",
      role: "leader",
    });
    const commune = await source.db
      .selectFrom("org_unit")
      .select("id")
      .where("full_name", "=", "Xã Bình Lư")
      .executeTakeFirstOrThrow();
    const province = await source.db
      .selectFrom("org_unit")
      .select("id")
      .where("kind", "=", "province")
      .executeTakeFirstOrThrow();
    const el = await source.db.selectFrom("data_element").select("id").executeTakeFirstOrThrow();
    const pe = await source.db.selectFrom("period").select("id").executeTakeFirstOrThrow();
    await bulkUpsertValues(
      source.db,
      [{ element_id: el.id, period_id: pe.id, org_unit_id: commune.id, value: 37 }],
      null,
    );
    const file = path.join(dir, "a.json.gz");
    const r = await backupDatabase(source.db, file, new Date());
    expect(r.rows).toBeGreaterThan(300);

    await createUser(target.db, actor, {
      username: "se.mat",
      displayName: "Sẽ mất",
      password: "mat-khau-se-mat",
      role: "leader",
    });
    await restoreDatabase(target.db, file, actor, MIGRATION_NAMES);

    const before = await counts(source);
    const after = await counts(target);
    expect(after.app_user).toBe(before.app_user);
    expect(after.org_unit).toBe(before.org_unit);
    expect(after.org_unit_lineage).toBe(before.org_unit_lineage);
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 1); // + the restore itself
    const names = (await target.db.selectFrom("app_user").select("username").execute()).map(
      (u) => u.username,
    );
    expect(names).toEqual(["luu.tru"]);
    // the derived rollups are rebuilt from the restored values
    expect((await readRollupState(target.db)).stale).toBe(false);
    const total = await sumUp(target.db, {
      rootId: province.id,
      asOf: todayIso(new Date()),
      elementIds: [el.id],
      periodIds: [pe.id],
    });
    expect(total).toEqual([expect.objectContaining({ total: 37 })]);
    const restored = await target.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "user.create")
      .executeTakeFirstOrThrow();
    expect(restored.after).toMatchObject({ username: "luu.tru" });

    const next = await createUser(target.db, actor, {
      username: "sau.khi.khoi.phuc",
      displayName: "Sau",
      password: "mat-khau-sau-cung",
      role: "leader",
    });
    const maxBefore = await source.db
      .selectFrom("app_user")
      .select((eb) => eb.fn.max("id").as("m"))
      .executeTakeFirstOrThrow();
    expect(next.id).toBeGreaterThan(Number(maxBefore.m));
  });

  it("refuses a file that is not a backup and changes nothing", async () => {
    const bad = path.join(dir, "bad.json.gz");
    fs.writeFileSync(bad, "không phải bản sao lưu");
    const before = await counts(target);
    await expect(restoreDatabase(target.db, bad, actor, MIGRATION_NAMES)).rejects.toMatchObject({
      code: "BACKUP_INVALID",
    });
    expect(await counts(target)).toEqual(before);
  });

  it("refuses a backup from a newer version", async () => {
    const file = path.join(dir, "b.json.gz");
    await backupDatabase(source.db, file, new Date());
    await expect(restoreDatabase(target.db, file, actor, [])).rejects.toMatchObject({
      code: "BACKUP_INVALID",
      message: expect.stringContaining("phiên bản mới hơn"),
    });
  });
});
