import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../database.ts";
import { openTestDb } from "../testing.ts";
import { liveScoreboard, scoreboard } from "./scoreboardQueries.ts";
import { refreshScoreCounts } from "./scoreCounts.ts";

/**
 * The scoreboard's counts kept on write (migration 0020) against the live reading of every occurrence
 * and its history (scoreboardQueries.liveScoreboard): equal on random plans after every kind of write
 * — new work, state changes, completion reported, confirmed and returned, pauses, extensions,
 * reassignments, shares of set-led tasks, a plan deleted, truncates — as of every day on both sides of
 * each deadline, extension, reassignment and confirmation.
 */
let t: Db;
let units: number[];
let seed = 11;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
const DAY0 = Date.UTC(2025, 0, 1);
const day = (n: number) => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);
const randomDay = () => day(Math.floor(rand() * 365));
const shift = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const ALL = { kind: "all" } as const;

/** Every day the history names, with the days on either side, and a few plain days. */
async function daysToCheck(): Promise<string[]> {
  const { rows } = await sql<{ d: string }>`select distinct to_char(d, 'YYYY-MM-DD') as d from (
      select due_on as d from task_occurrence union select confirmed_on from task_occurrence
      union select on_date from occurrence_update union select due_before from occurrence_update
      union select on_date from task_lead_change) x where d is not null`.execute(t.db);
  const days = new Set(["2024-06-30", "2025-06-30", "2026-12-31"]);
  for (const { d } of rows) for (const n of [-1, 0, 1]) days.add(shift(d, n));
  return [...days].sort();
}

/** The kept board equals the live one on every day checked, whole and between two deadlines. */
async function expectKeptEqualsLive() {
  const days = await daysToCheck();
  for (const [i, asOf] of days.entries()) {
    // between two deadlines on every third day
    for (const due of i % 3 === 0 ? [{}, { dueFrom: "2025-03-01", dueTo: "2025-09-30" }] : [{}]) {
      const opts = { scope: ALL, ...due };
      const kept = await scoreboard(t.db, asOf, opts);
      const live = await liveScoreboard(t.db, asOf, opts);
      expect({ asOf, ...kept }).toEqual({ asOf, ...live });
    }
  }
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from score_dirty`.execute(t.db);
  expect(rows[0]?.n).toBe(0);
}

async function addPlan(tasks: number): Promise<number> {
  const doc = await t.db
    .insertInto("document")
    .values({
      identity_key: `n:SC${rand()}`,
      held: true,
      doc_type: "KH",
      number: "1/KH",
      number_key: "1/KH",
      title: "Kế hoạch thử",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (let i = 0; i < tasks; i++) {
    const task = await t.db
      .insertInto("plan_task")
      .values({
        document_id: doc.id,
        ref: `T${i}`,
        title: `Nhiệm vụ ${i}`,
        timeframe_text: "Hằng năm",
        timeframe: JSON.stringify({ kind: "recurring" }),
        timeframe_kind: "recurring",
        source: "table",
        position: i,
        search_key: `t${i}`,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const leads = [...new Set([pick(units), ...(rand() < 0.3 ? [pick(units)] : [])])];
    await t.db
      .insertInto("task_body")
      .values([
        ...leads.map((u, p) => ({
          task_id: task.id,
          role: "lead" as const,
          text: "Đơn vị",
          unit_id: u,
          position: p,
        })),
        { task_id: task.id, role: "support" as const, text: "Phối hợp", unit_id: pick(units), position: 9 },
      ])
      .execute();
    for (let y = 0; y < 1 + Math.floor(rand() * 3); y++) {
      const done = rand() < 0.3;
      const occ = await t.db
        .insertInto("task_occurrence")
        .values({
          task_id: task.id,
          label: `Lần ${y}`,
          kind: rand() < 0.1 ? "pending" : "yearly",
          period_year: 2025,
          due_on: rand() < 0.15 ? null : randomDay(),
          state: done ? "done" : pick(["not_started", "in_progress", "awaiting_confirmation"] as const),
          completed_on: done ? randomDay() : null,
          confirmed_on: done ? randomDay() : null,
        })
        .returning(["id", "due_on"])
        .executeTakeFirstOrThrow();
      // a set-led occurrence: a share per member
      if (leads.length > 1 && rand() < 0.7) {
        await t.db
          .insertInto("task_occurrence")
          .values(
            leads.map((u) => ({
              task_id: task.id,
              label: `Lần ${y}`,
              kind: "yearly",
              due_on: occ.due_on,
              share_of: occ.id,
              share_unit_id: u,
              state: "not_started" as const,
            })),
          )
          .execute();
      }
    }
  }
  return doc.id;
}

async function occurrences(): Promise<
  { id: number; task_id: number; due_on: string | null; state: string }[]
> {
  const { rows } = await sql<{
    id: number;
    task_id: number;
    due_on: string | null;
    state: string;
  }>`select id, task_id, to_char(due_on, 'YYYY-MM-DD') as due_on, state from task_occurrence order by id`.execute(
    t.db,
  );
  return rows;
}

async function note(occurrenceId: number, fields: Record<string, unknown>) {
  await t.db
    .insertInto("occurrence_update")
    .values({
      occurrence_id: occurrenceId,
      author_name: "Thử",
      kind: "status",
      on_date: randomDay(),
      ...fields,
    })
    .execute();
}

async function changeState(id: number, before: string, after: string, extra: Record<string, unknown> = {}) {
  await t.db
    .updateTable("task_occurrence")
    .set({ state: after as never, ...extra })
    .where("id", "=", id)
    .execute();
  await note(id, { state_before: before, state_after: after });
}

beforeAll(async () => {
  t = await openTestDb();
  const { rows } = await sql<{ id: number }>`select id from org_unit order by id limit 6`.execute(t.db);
  units = rows.map((r) => r.id);
  await addPlan(10);
  await addPlan(6);
}, 60_000);
afterAll(() => t?.close());

describe("kept scoreboard counts", () => {
  it("equal the live reading after new work", async () => {
    await expectKeptEqualsLive();
  });

  it("follow state changes, reports, confirmations, returns and pauses", async () => {
    for (const o of (await occurrences()).filter(() => rand() < 0.5)) {
      const r = rand();
      if (r < 0.2) await changeState(o.id, o.state, "in_progress");
      else if (r < 0.4)
        await changeState(o.id, o.state, "awaiting_confirmation", { completed_on: randomDay() });
      else if (r < 0.6) {
        await changeState(o.id, o.state, "done", { completed_on: randomDay(), confirmed_on: randomDay() });
      } else if (r < 0.8)
        await changeState(o.id, o.state, "in_progress", { confirmed_on: null, completed_on: null });
      else await changeState(o.id, o.state, "paused", { resume_state: "in_progress" });
    }
    await expectKeptEqualsLive();
  });

  it("read deadlines back through extensions", async () => {
    for (const o of (await occurrences()).filter(() => rand() < 0.4)) {
      const after = rand() < 0.1 ? null : randomDay();
      await note(o.id, { kind: rand() < 0.7 ? "extend" : "set_due", due_before: o.due_on, due_after: after });
      await t.db.updateTable("task_occurrence").set({ due_on: after }).where("id", "=", o.id).execute();
    }
    await expectKeptEqualsLive();
  });

  it("read lead bodies back through reassignments", async () => {
    const { rows } = await sql<{
      task_id: number;
      ids: number[];
    }>`select task_id, array_agg(unit_id order by position) as ids
      from task_body where role = 'lead' group by task_id order by task_id`.execute(t.db);
    for (const r of rows.filter(() => rand() < 0.4)) {
      const after = [pick(units)];
      await t.db
        .insertInto("task_lead_change")
        .values({
          task_id: r.task_id,
          on_date: randomDay(),
          before_unit_ids: r.ids,
          after_unit_ids: after,
          reason: "Thử",
          author_name: "Thử",
        })
        .execute();
      await t.db
        .deleteFrom("task_body")
        .where("task_id", "=", r.task_id)
        .where("role", "=", "lead")
        .execute();
      await t.db
        .insertInto("task_body")
        .values({
          task_id: r.task_id,
          role: "lead",
          text: "Đơn vị",
          unit_id: after[0] as number,
          position: 0,
        })
        .execute();
    }
    await expectKeptEqualsLive();
  });

  it("drop deleted history, occurrences and plans", async () => {
    await sql`delete from occurrence_update where id % 3 = 0`.execute(t.db);
    await sql`delete from task_lead_change where id % 2 = 0`.execute(t.db);
    await sql`delete from task_occurrence where id % 7 = 0`.execute(t.db);
    await expectKeptEqualsLive();
    await sql`delete from document where id = (select min(id) from document where identity_key like 'n:SC%')`.execute(
      t.db,
    );
    await expectKeptEqualsLive();
  });

  it("recompute everything after a truncate", async () => {
    await addPlan(5);
    await sql`truncate task_lead_change`.execute(t.db);
    await expectKeptEqualsLive();
    await sql`truncate task_occurrence cascade`.execute(t.db);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from score_count`.execute(t.db);
    expect(rows[0]?.n).toBe(0);
    await addPlan(4);
    await expectKeptEqualsLive();
    expect(await refreshScoreCounts(t.db)).toBe(0);
  });
});
