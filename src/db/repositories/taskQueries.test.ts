import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../domain/dates.ts";
import { EVERY_UNIT, unitsScope } from "../../domain/policies/scope.ts";
import {
  type Clock,
  clockOf,
  countAsOf,
  dueAsOf,
  leadsAsOf,
  type OccurrenceState,
  STATES,
  type Timeliness,
  timelinessOf,
  URGENCY,
} from "../../domain/status.ts";
import { CHASED_STATES } from "../../domain/transitions.ts";
import type { Db } from "../database.ts";
import { openTestDb } from "../testing.ts";
import { insertUnit } from "./orgUnitRepository.ts";
import { scoreboard } from "./scoreboardQueries.ts";
import { occurrencesToRemind, searchRegister } from "./taskQueries.ts";

/**
 * One rule, two forms: timeliness and the "as of" counts in TypeScript (domain/status.ts) and in SQL
 * (taskQueries.timelinessSql, scoreboardQueries). Random occurrences with random histories, read on
 * random days — and on every boundary (the due day itself, the last due-soon day and the day after).
 */
let t: Db;
let units: number[];

interface Item {
  id: number;
  taskId: number;
  state: OccurrenceState;
  due: string | null;
  completedOn: string | null;
  confirmedOn: string | null;
  extensions: { onDate: string; dueBefore: string | null }[];
}
const items: Item[] = [];
const leadsNow = new Map<number, number[]>();
const leadChanges = new Map<number, { onDate: string; before: number[] }[]>();

// a small deterministic generator, so a failure can be replayed
let seed = 2026;
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const BASE = "2026-06-01";
const day = () => addDays(BASE, int(-40, 80));
const later = (d: string, max: number) => addDays(d, int(1, max));

async function makeTask(db: Db["db"], documentId: number, position: number): Promise<number> {
  const task = await db
    .insertInto("plan_task")
    .values({
      document_id: documentId,
      ref: `${position + 1}`,
      group_ref: null,
      group_title: null,
      title: `Nhiệm vụ ${position + 1}`,
      timeframe_text: "",
      timeframe: "{}",
      timeframe_kind: "deadline",
      due_on: null,
      product: null,
      note: null,
      source: "table",
      position,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // none, one or two lead bodies now; maybe one reassignment in the past
  const now = [...new Set(Array.from({ length: int(0, 2) }, () => pick(units)))];
  for (const [i, unitId] of now.entries())
    await db
      .insertInto("task_body")
      .values({
        task_id: task.id,
        role: "lead",
        text: `Cơ quan ${unitId}`,
        unit_id: unitId,
        set_kind: null,
        position: i,
      })
      .execute();
  leadsNow.set(task.id, now);
  const changes = rand() < 0.4 ? [{ onDate: day(), before: [pick(units)] }] : [];
  for (const c of changes)
    await db
      .insertInto("task_lead_change")
      .values({
        task_id: task.id,
        on_date: c.onDate,
        before_unit_ids: c.before,
        after_unit_ids: now,
        reason: "kiểm thử",
        author_name: "Kiểm thử",
      })
      .execute();
  leadChanges.set(task.id, changes);
  return task.id;
}

async function makeOccurrence(db: Db["db"], taskId: number, label: string): Promise<void> {
  const state = pick(STATES);
  let due: string | null = rand() < 0.15 ? null : day();
  const extensions: Item["extensions"] = [];
  let onDate = day();
  for (let k = int(0, 2); k > 0; k--) {
    const next = due ? later(due, 60) : day();
    extensions.push({ onDate, dueBefore: due });
    due = next;
    onDate = later(onDate, 30);
  }
  const completedOn =
    state === "done" || state === "awaiting_confirmation" || (state === "paused" && rand() < 0.3)
      ? day()
      : null;
  const confirmedOn =
    state === "done" && completedOn ? (rand() < 0.5 ? completedOn : later(completedOn, 20)) : null;
  const occ = await db
    .insertInto("task_occurrence")
    .values({
      task_id: taskId,
      label,
      kind: "deadline",
      period_year: 2026,
      due_on: due,
      state,
      completed_on: completedOn,
      confirmed_on: confirmedOn,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const e of extensions)
    await db
      .insertInto("occurrence_update")
      .values({
        occurrence_id: occ.id,
        author_name: "Kiểm thử",
        kind: e.dueBefore ? "extend" : "set_due",
        text: "gia hạn",
        due_before: e.dueBefore,
        due_after: null,
        on_date: e.onDate,
      })
      .execute();
  items.push({ id: occ.id, taskId, state, due, completedOn, confirmedOn, extensions });
}

beforeAll(async () => {
  t = await openTestDb();
  const db = t.db;
  units = [];
  for (const name of ["Sở A", "Sở B", "Sở C", "Sở D"])
    units.push(await insertUnit(db, { code: null, kind: "body", name, fullName: name }));
  const doc = await db
    .insertInto("document")
    .values({ identity_key: "t:kiem-thu", held: true, title: "Kế hoạch kiểm thử" })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (let i = 0; i < 70; i++) {
    const taskId = await makeTask(db, doc.id, i);
    for (let k = int(1, 3); k > 0; k--) await makeOccurrence(db, taskId, `Lần ${k}`);
  }
});
afterAll(() => t.close());

/** Random days, plus each boundary of some occurrences' deadlines. */
function clocks(dueSoonDays: number): Clock[] {
  const out: Clock[] = [];
  for (let i = 0; i < 12; i++) out.push(clockOf(day(), dueSoonDays));
  for (const o of items.filter((x) => x.due).slice(0, 10)) {
    const due = o.due as string;
    for (const today of [due, addDays(due, 1), addDays(due, -dueSoonDays), addDays(due, -dueSoonDays - 1)])
      out.push(clockOf(today, dueSoonDays));
  }
  return out;
}

describe("timeliness: TypeScript and SQL agree", () => {
  it("on every occurrence, for random days and every boundary, in the register's column and filter", async () => {
    for (const clock of clocks(7)) {
      const { rows } = await searchRegister(t.db, { scope: EVERY_UNIT, includeDone: true }, clock, {
        limit: 10_000,
        offset: 0,
      });
      expect(rows).toHaveLength(items.length);
      const sqlOf = new Map(rows.map((r) => [r.id, r.timeliness]));
      const tsOf = new Map(items.map((o) => [o.id, timelinessOf(o, clock)]));
      expect(sqlOf).toEqual(tsOf);
      for (const wanted of ["overdue", "due_soon", "in_time", "done_late"] as Timeliness[]) {
        const filtered = await searchRegister(t.db, { scope: EVERY_UNIT, timeliness: wanted }, clock, {
          limit: 10_000,
          offset: 0,
        });
        const expected = items.filter((o) => tsOf.get(o.id) === wanted).map((o) => o.id);
        expect(filtered.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      }
    }
  });

  it("the register's urgent order follows the same timeliness", async () => {
    const clock = clockOf("2026-06-15", 7);
    const { rows } = await searchRegister(t.db, { scope: EVERY_UNIT, includeDone: true }, clock, {
      limit: 10_000,
      offset: 0,
      order: "urgency",
    });
    const ranks = rows.map((r) =>
      URGENCY.indexOf(timelinessOf({ state: r.state, due: r.due_on, completedOn: r.completed_on }, clock)),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBeGreaterThan(3);
  });

  it("reminders pick exactly what is overdue or due soon, in a state one may chase", async () => {
    for (const clock of clocks(3).slice(0, 20)) {
      const sqlIds = (await occurrencesToRemind(t.db, clock, CHASED_STATES)).map((r) => r.id);
      const tsIds = items
        .filter((o) => CHASED_STATES.includes(o.state))
        .filter((o) => ["overdue", "due_soon"].includes(timelinessOf(o, clock)))
        .map((o) => o.id);
      expect(sqlIds.sort((a, b) => a - b)).toEqual(tsIds.sort((a, b) => a - b));
    }
  });
});

describe("as of a past day: the scoreboard and countAsOf agree", () => {
  const asItWas = (o: Item, asOf: string) => ({
    due: dueAsOf(o.due, o.extensions, asOf),
    confirmedOn: o.confirmedOn,
    completedOn: o.completedOn,
  });
  const leadsThen = (o: Item, asOf: string) =>
    leadsAsOf(leadsNow.get(o.taskId) ?? [], leadChanges.get(o.taskId) ?? [], asOf);

  it("each occurrence once in the total; under the bodies that led it then in each row", async () => {
    const days = [
      ...Array.from({ length: 15 }, day),
      ...items.flatMap((o) => o.extensions.map((e) => e.onDate)).slice(0, 10),
    ];
    for (const asOf of days) {
      const board = await scoreboard(t.db, asOf, { scope: EVERY_UNIT });
      const c = countAsOf(
        items.map((o) => asItWas(o, asOf)),
        asOf,
      );
      expect(board.total).toEqual({
        assigned: items.length,
        done: c.done,
        done_on_time: c.doneOnTime,
        done_late: c.doneLate,
        overdue: c.overdue,
        in_time: c.inTime,
        no_deadline: c.noDeadline,
      });
      for (const unitId of units) {
        const mine = items.filter((o) => leadsThen(o, asOf).includes(unitId));
        const u = countAsOf(
          mine.map((o) => asItWas(o, asOf)),
          asOf,
        );
        const row = board.rows.find((r) => r.unit_id === unitId);
        expect(row ?? { assigned: 0 }).toMatchObject({
          assigned: mine.length,
          ...(row ? { done: u.done, overdue: u.overdue } : {}),
        });
        const scoped = await scoreboard(t.db, asOf, { scope: unitsScope([unitId]) });
        expect(scoped.total.assigned).toBe(mine.length);
        expect(scoped.total.overdue).toBe(u.overdue);
      }
    }
  });
});
