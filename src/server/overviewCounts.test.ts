import { type SqlBool, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PLANS } from "../paths.ts";
import { loadDemoPlans } from "../usecases/loadDemoPlans.ts";
import { loadSampleSchools } from "../usecases/loadSampleSchools.ts";
import { type Client, createTestApp, signIn, type TestApp } from "./testing.ts";

/*
 * The leaders' overview against the lists behind it, with the demo data (the four real plans, the
 * sample schools that share out "Các đơn vị trường học"): on 01/07/2026 and 31/12/2026 each number of
 * the overview equals the distinct count of the task register's rows and of the targets list. A task
 * led by a set of bodies is one occurrence with a share per member; it counts once.
 */
let t: TestApp;
let clock = new Date("2026-07-01T03:00:00Z");
let leader: Client;

beforeAll(async () => {
  t = await createTestApp(() => clock);
  await loadDemoPlans(t.db.db, DEMO_PLANS);
  await loadSampleSchools(t.db.db);
}, 120_000);
afterAll(() => t?.close());

interface RegisterRow {
  id: number;
  task_id: number;
  kind: string;
  document_id: number;
  timeliness: string;
  share_of: number | null;
  shares_total: number;
}

async function registerOf(documentId: number | null): Promise<RegisterRow[]> {
  const rows: RegisterRow[] = [];
  const filter = documentId === null ? "" : `documentId=${documentId}&`;
  for (let page = 1; ; page++) {
    const res = await leader.request("GET", `/api/tasks?${filter}includeDone=true&pageSize=500&page=${page}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { rows: RegisterRow[]; total: number };
    rows.push(...body.rows);
    if (rows.length >= body.total || body.rows.length === 0) return rows;
  }
}

interface Overview {
  documents: { id: number; held: boolean }[];
  tasks: {
    total: number;
    overdue: number;
    in_time: number;
    no_deadline: number;
    awaiting_date: number;
    done_on_time: number;
    done_late: number;
  };
  mostOverdue: { id: number; lead: string | null }[];
  overdueByBody: { unit_id: number; overdue: number }[];
  overdueByCommune: { unit_id: number; overdue: number }[];
  targets: { byStatus: Record<string, number>; items: { id: number; status: string }[] };
}

async function overviewAsOf(day: string): Promise<Overview> {
  const res = await leader.request("GET", `/api/overview?asOf=${day}`);
  expect(res.statusCode).toBe(200);
  return res.json() as Overview;
}

/** The register's rows (on the clock's day) of the overview's plans, each once. */
async function registerRowsOf(o: Overview): Promise<RegisterRow[]> {
  const rows = (await Promise.all(o.documents.filter((d) => d.held).map((d) => registerOf(d.id)))).flat();
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  return rows;
}

/** Each task number of the overview equals the distinct count of the register's rows. */
function expectTaskCountsOf(o: Overview, rows: RegisterRow[]) {
  const count = (pred: (r: RegisterRow) => boolean) => rows.filter(pred).length;
  expect(o.tasks.total).toBe(rows.length);
  expect(o.tasks.overdue).toBe(count((r) => r.timeliness === "overdue"));
  expect(o.tasks.in_time).toBe(count((r) => r.timeliness === "in_time" || r.timeliness === "due_soon"));
  expect(o.tasks.no_deadline + o.tasks.awaiting_date).toBe(count((r) => r.timeliness === "no_deadline"));
  expect(o.tasks.awaiting_date).toBe(count((r) => r.kind === "pending" && r.timeliness === "no_deadline"));
  expect(o.tasks.done_on_time + o.tasks.done_late).toBe(count((r) => r.timeliness.startsWith("done")));
  // the most overdue items are register rows, each once
  const overdueIds = new Set(rows.filter((r) => r.timeliness === "overdue").map((r) => r.id));
  expect(o.mostOverdue.every((x) => overdueIds.has(x.id))).toBe(true);
  expect(new Set(o.mostOverdue.map((x) => x.id)).size).toBe(o.mostOverdue.length);
}

describe.each(["2026-07-01", "2026-12-31"])(
  "the overview as of %s against the register and targets",
  (day) => {
    it("counts each occurrence once, as the register lists it, and each target as the targets list", async () => {
      clock = new Date(`${day}T03:00:00Z`);
      // a session does not outlive a jump of months: signed in on the day
      leader = await signIn(t, `lanhdao${day.replaceAll("-", "")}`, "leader");
      const o = await overviewAsOf(day);
      const rows = await registerRowsOf(o);
      // the demo's set-led tasks are shared out: the case this test is about is present
      expect(rows.some((r) => r.shares_total > 0)).toBe(true);
      expectTaskCountsOf(o, rows);

      const targets = (
        await leader
          .request("GET", "/api/targets")
          .then((r) => r.json() as { targets: { id: number; status: string }[] })
      ).targets;
      const listed = new Map(targets.map((x) => [x.id, x.status]));
      expect(new Set(o.targets.items.map((x) => x.id)).size).toBe(o.targets.items.length);
      for (const item of o.targets.items) expect(listed.get(item.id), `target ${item.id}`).toBe(item.status);
      for (const [status, n] of Object.entries(o.targets.byStatus))
        expect(n, status).toBe(o.targets.items.filter((x) => x.status === status).length);
    }, 60_000);

    it("the scoreboard's total counts each item of every plan once, as the register lists them", async () => {
      const board = (await leader.request("GET", `/api/scoreboard?asOf=${day}`)).json() as {
        total: { assigned: number; overdue: number };
      };
      const rows = await registerOf(null);
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      expect(board.total.assigned).toBe(rows.length);
      expect(board.total.overdue).toBe(rows.filter((r) => r.timeliness === "overdue").length);
    }, 60_000);
  },
);

/*
 * History that stays history: on 10/07/2026 a coordinator extends a task due 30/06/2026 to 31/08/2026
 * and gives another overdue task to another body. Asked afterwards, the overview as of 05/07/2026 is
 * what it was on 05/07 (the task overdue, the old lead body counting it); as of the day of the extension
 * and 15/07/2026 the task is in time, the new body counts the other — each time equal to the register.
 */
describe("the overview of a past day, after a later extension and reassignment", () => {
  it("reads the deadlines and lead bodies of that day, as the register showed them then", async () => {
    const db = t.db.db;
    clock = new Date("2026-07-05T03:00:00Z");
    leader = await signIn(t, "lanhdao-lichsu-0705", "leader");
    const before = await overviewAsOf("2026-07-05");
    const rowsBefore = await registerRowsOf(before);
    expectTaskCountsOf(before, rowsBefore);
    const overdueThen = new Set(rowsBefore.filter((r) => r.timeliness === "overdue").map((r) => r.id));
    const docIds = before.documents.map((d) => d.id);
    const open = db
      .selectFrom("task_occurrence as o")
      .innerJoin("plan_task as p", "p.id", "o.task_id")
      .select(["o.id", "o.version", "o.task_id", "p.version as task_version"])
      .where("p.document_id", "in", docIds)
      .where("o.share_of", "is", null)
      .where("o.state", "<>", "done")
      .where("o.kind", "<>", "pending")
      .orderBy("o.id");
    const extended = await open.where("o.due_on", "=", "2026-06-30").executeTakeFirstOrThrow();
    expect(overdueThen.has(extended.id)).toBe(true);
    // another task overdue on 05/07, led by one body and by no set, not the extended one's
    const leads = await db
      .selectFrom("task_body")
      .select(["task_id", "unit_id"])
      .where("role", "=", "lead")
      .where("unit_id", "is not", null)
      .execute();
    const leadsOf = (taskId: number) => leads.filter((b) => b.task_id === taskId).map((b) => b.unit_id);
    const candidates = await open
      .where("o.due_on", "<", "2026-07-05")
      .where("o.task_id", "<>", extended.task_id)
      .where(sql<SqlBool>`not exists (select 1 from task_occurrence s where s.share_of = o.id)`)
      .execute();
    const moved = candidates.find((c) => overdueThen.has(c.id) && leadsOf(c.task_id).length === 1);
    if (!moved) throw new Error("no overdue task with one lead body in the demo plans");
    const oldLead = leadsOf(moved.task_id)[0] as number;
    const newLead = await db
      .selectFrom("org_unit")
      .select("id")
      .where("kind", "in", ["commune", "ward", "body"])
      .where("id", "<>", oldLead)
      .where((eb) => eb.or([eb("valid_to", "is", null), eb("valid_to", ">", "2026-07-10")]))
      // a body that leads nothing, not even a share: the moved task is all it counts
      .where(sql<SqlBool>`not exists (select 1 from task_body b where b.unit_id = org_unit.id)`)
      .where(sql<SqlBool>`not exists (select 1 from task_occurrence s where s.share_unit_id = org_unit.id)`)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const byBody = (o: Overview, unit: number) =>
      o.overdueByBody.find((b) => b.unit_id === unit)?.overdue ?? 0;
    expect(byBody(before, newLead.id)).toBe(0);

    clock = new Date("2026-07-10T03:00:00Z");
    const coordinator = await signIn(t, "dieuphoi-lichsu-0710", "coordinator");
    const ext = await coordinator.request("POST", `/api/occurrences/${extended.id}/extend`, {
      version: extended.version,
      due: "2026-08-31",
      reason: "Chờ văn bản hướng dẫn",
    });
    expect(ext.statusCode, ext.body).toBe(200);
    const re = await coordinator.request("PATCH", `/api/tasks/${moved.task_id}/lead`, {
      version: moved.task_version,
      unitIds: [newLead.id],
      reason: "Giao lại cho xã",
    });
    expect(re.statusCode, re.body).toBe(200);
    leader = await signIn(t, "lanhdao-lichsu-0710", "leader");
    // the day of the extension: the new deadline already holds
    const onTheDay = await overviewAsOf("2026-07-10");
    expectTaskCountsOf(onTheDay, await registerRowsOf(onTheDay));
    expect(onTheDay.mostOverdue.some((x) => x.id === extended.id)).toBe(false);
    const movedOverdue = (rows: RegisterRow[]) =>
      rows.filter((r) => r.task_id === moved.task_id && r.timeliness === "overdue").length;
    expect(byBody(onTheDay, newLead.id)).toBe(movedOverdue(await registerRowsOf(onTheDay)));
    expect(byBody(onTheDay, newLead.id)).toBeGreaterThan(0);

    clock = new Date("2026-07-15T03:00:00Z");
    leader = await signIn(t, "lanhdao-lichsu-0715", "leader");
    const after = await overviewAsOf("2026-07-15");
    const rowsAfter = await registerRowsOf(after);
    expectTaskCountsOf(after, rowsAfter);
    expect(rowsAfter.find((r) => r.id === extended.id)?.timeliness).toBe("in_time");
    expect(byBody(after, newLead.id)).toBe(movedOverdue(rowsAfter));

    // 05/07 asked after both changes: exactly what it was on 05/07
    const past = await overviewAsOf("2026-07-05");
    expect(past.tasks).toEqual(before.tasks);
    expectTaskCountsOf(past, rowsBefore);
    expect(past.mostOverdue).toEqual(before.mostOverdue);
    expect(past.overdueByBody).toEqual(before.overdueByBody);
    expect(past.overdueByCommune).toEqual(before.overdueByCommune);
  }, 120_000);
});

/*
 * Per body and per commune, a set-led task's shares count for their members: the demo's tasks led by
 * "UBND các xã, phường" are due 31/12/2027, so on 05/01/2028 each commune's share of them is overdue.
 */
describe("the overview's lists per body after the shares' deadline", () => {
  it("a member's share of a set-led task counts for that member", async () => {
    const day = "2028-01-05";
    clock = new Date(`${day}T03:00:00Z`);
    leader = await signIn(t, "lanhdao-20280105", "leader");
    const o = await overviewAsOf(day);
    expectTaskCountsOf(o, await registerRowsOf(o));
    const docIds = o.documents.map((d) => d.id);
    // worked out by hand: each overdue occurrence under its member (a share) or its lead bodies
    const pairs = await t.db.db
      .selectFrom("task_occurrence as o")
      .innerJoin("plan_task as p", "p.id", "o.task_id")
      .leftJoin("task_body as b", (j) => j.onRef("b.task_id", "=", "o.task_id").on("b.role", "=", "lead"))
      .leftJoin("org_unit as u", (j) => j.on(sql<SqlBool>`u.id = coalesce(o.share_unit_id, b.unit_id)`))
      .select(["o.id", "o.share_unit_id", "b.unit_id", "o.state", "o.confirmed_on", "u.kind"])
      .where("p.document_id", "in", docIds)
      .where("o.due_on", "<", day)
      .execute();
    const expected = new Map<number, Set<number>>();
    let communeShares = 0;
    for (const r of pairs) {
      if (r.state === "done" && r.confirmed_on !== null && r.confirmed_on <= day) continue;
      const unit = r.share_unit_id ?? r.unit_id;
      if (unit === null) continue;
      if (r.share_unit_id !== null && (r.kind === "commune" || r.kind === "ward")) communeShares++;
      expected.set(unit, (expected.get(unit) ?? new Set()).add(r.id));
    }
    // the case this test is about is present: a commune's share of a set-led task is overdue
    expect(communeShares).toBeGreaterThan(0);
    const got = new Map(o.overdueByBody.map((b) => [b.unit_id, b.overdue]));
    expect(got).toEqual(new Map([...expected].map(([unit, ids]) => [unit, ids.size])));
    // a commune's tile counts at least what the commune itself led, its shares included
    for (const c of o.overdueByCommune) {
      const own = expected.get(c.unit_id)?.size ?? 0;
      expect(c.overdue).toBeGreaterThanOrEqual(own);
    }
  }, 60_000);
});
