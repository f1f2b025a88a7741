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

describe.each(["2026-07-01", "2026-12-31"])(
  "the overview as of %s against the register and targets",
  (day) => {
    it("counts each occurrence once, as the register lists it, and each target as the targets list", async () => {
      clock = new Date(`${day}T03:00:00Z`);
      // a session does not outlive a jump of months: signed in on the day
      leader = await signIn(t, `lanhdao${day.replaceAll("-", "")}`, "leader");
      const res = await leader.request("GET", `/api/overview?asOf=${day}`);
      expect(res.statusCode).toBe(200);
      const o = res.json() as {
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
        mostOverdue: { id: number }[];
        targets: { byStatus: Record<string, number>; items: { id: number; status: string }[] };
      };
      const rows = (await Promise.all(o.documents.filter((d) => d.held).map((d) => registerOf(d.id)))).flat();
      const ids = new Set(rows.map((r) => r.id));
      expect(ids.size).toBe(rows.length);
      // the demo's set-led tasks are shared out: the case this test is about is present
      expect(rows.some((r) => r.shares_total > 0)).toBe(true);
      const count = (pred: (r: RegisterRow) => boolean) => rows.filter(pred).length;
      expect(o.tasks.total).toBe(ids.size);
      expect(o.tasks.overdue).toBe(count((r) => r.timeliness === "overdue"));
      expect(o.tasks.in_time).toBe(count((r) => r.timeliness === "in_time" || r.timeliness === "due_soon"));
      expect(o.tasks.no_deadline + o.tasks.awaiting_date).toBe(count((r) => r.timeliness === "no_deadline"));
      expect(o.tasks.awaiting_date).toBe(
        count((r) => r.kind === "pending" && r.timeliness === "no_deadline"),
      );
      expect(o.tasks.done_on_time + o.tasks.done_late).toBe(count((r) => r.timeliness.startsWith("done")));
      // the most overdue items are register rows, each once
      const overdueIds = new Set(rows.filter((r) => r.timeliness === "overdue").map((r) => r.id));
      expect(o.mostOverdue.every((x) => overdueIds.has(x.id))).toBe(true);
      expect(new Set(o.mostOverdue.map((x) => x.id)).size).toBe(o.mostOverdue.length);

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
