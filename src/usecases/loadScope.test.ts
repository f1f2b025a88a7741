import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { insertParentLink, insertUnit } from "../db/repositories/orgUnitRepository.ts";
import { openTestDb } from "../db/testing.ts";
import { unitIdByName } from "../server/testing.ts";
import { loadScope, SCOPE_CACHE_MS } from "./loadScope.ts";

/*
 * An officer's scope is kept in memory for SCOPE_CACHE_MS. A map written by this process must count
 * at once; one written behind its back (another process) within SCOPE_CACHE_MS, and not before.
 */

const TODAY = "2026-11-23";
const T0 = new Date(`${TODAY}T03:00:00Z`).getTime();
let db: Db;
let binhLu: number;

beforeAll(async () => {
  db = await openTestDb();
  binhLu = await unitIdByName(db, "Xã Bình Lư");
});
afterAll(() => db.close());

const officer = () => ({ role: "officer", org_unit_id: binhLu });
const ids = async (nowMs: number) => {
  const scope = await loadScope(db.db, officer(), TODAY, nowMs);
  return scope.kind === "units" ? scope.ids : new Set<number>();
};

describe("an officer's scope kept in memory", () => {
  it("sees a unit this process adds under the officer's unit at once", async () => {
    expect((await ids(T0)).has(binhLu)).toBe(true);
    const school = await db.db.transaction().execute(async (trx) => {
      const id = await insertUnit(trx, {
        code: null,
        kind: "school",
        name: "Trường thử",
        fullName: "Trường thử A",
      });
      await insertParentLink(trx, id, binhLu);
      return id;
    });
    expect((await ids(T0 + 1)).has(school)).toBe(true);
  });

  it("sees a unit added behind its back once SCOPE_CACHE_MS has passed, not before", async () => {
    const t1 = T0 + 10 * SCOPE_CACHE_MS; // long after the last read: read afresh now
    const before = await ids(t1);
    const row = await sql<{ id: number }>`insert into org_unit (kind, name, full_name)
      values ('school', 'Trường khác', 'Trường thử B') returning id`.execute(db.db);
    const school = row.rows[0]?.id as number;
    await sql`insert into org_unit_parent (child_id, parent_id) values (${school}, ${binhLu})`.execute(db.db);
    expect(before.has(school)).toBe(false);
    expect((await ids(t1 + SCOPE_CACHE_MS - 1)).has(school)).toBe(false);
    expect((await ids(t1 + SCOPE_CACHE_MS)).has(school)).toBe(true);
  });

  it("is kept per unit", async () => {
    const other = await unitIdByName(db, "Xã Bản Bo");
    const mine = await ids(T0);
    const theirs = await loadScope(db.db, { role: "officer", org_unit_id: other }, TODAY, T0);
    expect(theirs.kind === "units" && theirs.ids.has(other) && !theirs.ids.has(binhLu)).toBe(true);
    expect(mine.has(other)).toBe(false);
  });
});
