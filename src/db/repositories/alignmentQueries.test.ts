import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../database.ts";
import { openTestDb } from "../testing.ts";
import { documentGraph, planContents } from "./alignmentQueries.ts";

/*
 * planContents reads the tasks (with their bodies) and targets of many plans in one statement; the
 * alignment used to read them plan by plan, in the forms kept below. On random plans (tasks without
 * bodies, with several, bodies that are units or sets or only text, targets with and without values)
 * both give the same tasks in the same order, the same bodies and the same targets.
 */
let t: Db;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t?.close());

/** The old reading of one plan's tasks: one row per task and body, in the plan's order. */
async function tasksOneByOne(db: Db["db"], documentId: number) {
  const rows = await db
    .selectFrom("plan_task as t")
    .leftJoin("task_body as b", "b.task_id", "t.id")
    .leftJoin("org_unit as u", "u.id", "b.unit_id")
    .select(["t.id", "t.ref", "t.title", "b.role", "b.unit_id", "b.set_kind", "b.text", "u.full_name"])
    .where("t.document_id", "=", documentId)
    .orderBy("t.position")
    .execute();
  const tasks = new Map<number, { id: number; ref: string; title: string; bodies: string[] }>();
  for (const r of rows) {
    const task = tasks.get(r.id) ?? { id: r.id, ref: r.ref, title: r.title, bodies: [] };
    if (r.role !== null)
      task.bodies.push(JSON.stringify([r.role, r.unit_id, r.set_kind, r.text, r.full_name ?? null]));
    tasks.set(r.id, task);
  }
  return [...tasks.values()].map((x) => ({ ...x, bodies: x.bodies.sort() }));
}

/** The old reading of one plan's targets, in order, values as numbers. */
async function targetsOneByOne(db: Db["db"], documentId: number) {
  const rows = await db
    .selectFrom("plan_target")
    .select(["id", "ref", "measure", "comparator", "value", "unit", "year"])
    .where("document_id", "=", documentId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value) }));
}

/** A small deterministic generator (the same plans on every run; the seed is in the test's name). */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s % n;
  };
}

async function randomPlans(seed: number): Promise<number[]> {
  const pick = random(seed);
  const db = t.db;
  const units = await db.selectFrom("org_unit").select("id").orderBy("id").limit(40).execute();
  const ids: number[] = [];
  for (let d = 0; d < 2 + pick(5); d++) {
    const doc = await sql<{
      id: number;
    }>`insert into document (identity_key, held, doc_type, number, number_key, title)
      values (${`n:ALIGN-${seed}-${d}`}, true, 'KH', ${`${seed}${d}/KH`}, ${`${seed}${d}/kh`}, ${`Kế hoạch thử ${d}`})
      returning id`.execute(db);
    const documentId = doc.rows[0]?.id as number;
    ids.push(documentId);
    const taskCount = pick(7);
    for (let k = 0; k < taskCount; k++) {
      // positions out of insertion order, so the order read is the plan's, not the table's
      const position = (k * 7 + pick(3)) % (taskCount * 7);
      const task = await sql<{ id: number }>`insert into plan_task (document_id, ref, title, timeframe_text,
          timeframe, timeframe_kind, source, position, search_key)
        values (${documentId}, ${`${k + 1}`}, ${`Nhiệm vụ ${k} của ${d}`}, 'Hằng năm', '{"kind":"recurring"}',
          'recurring', 'table', ${position * 100 + k}, ${`nv ${k}`}) returning id`.execute(db);
      const taskId = task.rows[0]?.id as number;
      for (let b = 0; b < pick(4); b++) {
        const kind = pick(3);
        const unit = kind === 0 ? (units[pick(units.length)]?.id ?? null) : null;
        await db
          .insertInto("task_body")
          .values({
            task_id: taskId,
            role: pick(2) === 0 ? "lead" : "support",
            text: `Cơ quan ${b}`,
            unit_id: unit,
            set_kind: kind === 1 ? "communes" : null,
            position: b,
          })
          .execute();
      }
    }
    for (let g = 0; g < pick(5); g++) {
      await sql`insert into plan_target (document_id, ref, text, measure, comparator, value, unit, year, position)
        values (${documentId}, ${`${g + 1}`}, ${`Mục tiêu ${g}`}, ${`Đo ${g}`}, ${pick(2) === 0 ? ">=" : null},
          ${pick(3) === 0 ? null : `${pick(1000)}.${pick(100)}`}::numeric, '%', ${2025 + pick(6)}, ${(g * 5) % 7})`.execute(
        db,
      );
    }
  }
  return ids;
}

describe("planContents", () => {
  for (const seed of [7, 1234, 99_991]) {
    it(`equals the plan-by-plan reading on random plans (seed ${seed})`, async () => {
      const ids = await randomPlans(seed);
      const missing = 2_000_000_000;
      const many = await planContents(t.db, [...ids, ids[0] as number, missing]);
      expect(many.get(missing)).toEqual({ tasks: [], targets: [] });
      for (const id of ids) {
        const got = many.get(id);
        const tasks = (got?.tasks ?? []).map((x) => ({
          id: x.id,
          ref: x.ref,
          title: x.title,
          bodies: x.bodies
            .map((b) => JSON.stringify([b.role, b.unit_id, b.set_kind, b.text, b.unit_name]))
            .sort(),
        }));
        expect(tasks).toEqual(await tasksOneByOne(t.db, id));
        expect(got?.targets).toEqual(await targetsOneByOne(t.db, id));
      }
      const graph = await documentGraph(t.db);
      for (const id of ids) expect(graph.docs.some((d) => d.id === id && d.held)).toBe(true);
    });
  }
});
