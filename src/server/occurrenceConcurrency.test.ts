import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUnit } from "../db/repositories/orgUnitRepository.ts";
import { insertOneTaskPlan } from "./testing/oneTaskPlan.ts";
import { type Client, createTestApp, signIn, type TestApp } from "./testing.ts";

/**
 * Two saves at once with the same version: exactly one wins, the other gets 409 — for every versioned
 * action on an occurrence and for reassigning a task's lead. On PostgreSQL the two really race (the
 * embedded database serializes writes, which would hide a read-then-write check); several rounds each.
 */
let t: TestApp;
let coordinator: Client;
let officer: Client;
let units: number[];
const ROUNDS = 6;

async function newTask(ref: string): Promise<{ taskId: number; occurrenceId: number }> {
  return insertOneTaskPlan(t.db.db, "dong-thoi", ref, { unit: units[0] as number, text: "Sở Đồng Thời" });
}

const versionOf = async (occurrenceId: number) =>
  (
    await t.db.db
      .selectFrom("task_occurrence")
      .select("version")
      .where("id", "=", occurrenceId)
      .executeTakeFirstOrThrow()
  ).version;

/** Fires both at once and returns their statuses, sorted. */
async function race(a: () => Promise<{ statusCode: number }>, b: () => Promise<{ statusCode: number }>) {
  const [x, y] = await Promise.all([a(), b()]);
  return [x.statusCode, y.statusCode].sort();
}

beforeAll(async () => {
  t = await createTestApp(new Date("2026-07-01T03:00:00Z"));
  units = [
    await insertUnit(t.db.db, { code: null, kind: "body", name: "Sở Đồng Thời", fullName: "Sở Đồng Thời" }),
    await insertUnit(t.db.db, { code: null, kind: "body", name: "Sở Khác", fullName: "Sở Khác" }),
  ];
  coordinator = await signIn(t, "dieuphoi", "coordinator");
  officer = await signIn(t, "canbo", "officer", units[0] as number);
});
afterAll(() => t.close());

describe(`concurrent saves of one occurrence (${process.env.TEST_DB})`, () => {
  it("two extensions, two progress reports, two proposals, two confirmations: one 409 each time", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { occurrenceId: id } = await newTask(`E${round}`);
      const post = (c: Client, action: string, body: object) => () =>
        c.request("POST", `/api/occurrences/${id}/${action}`, body);
      let v = await versionOf(id);
      expect(
        await race(
          post(coordinator, "extend", { version: v, due: "2027-01-31", reason: "a" }),
          post(coordinator, "extend", { version: v, due: "2027-02-28", reason: "b" }),
        ),
      ).toEqual([200, 409]);
      v = await versionOf(id);
      expect(
        await race(
          post(officer, "updates", { version: v, text: "Tiến độ 1", percent: 30 }),
          post(officer, "updates", { version: v, text: "Tiến độ 2", percent: 40 }),
        ),
      ).toEqual([201, 409]);
      v = await versionOf(id);
      expect(
        await race(
          post(officer, "propose", { version: v, text: "Xong 1" }),
          post(officer, "propose", { version: v, text: "Xong 2" }),
        ),
      ).toEqual([200, 409]);
      v = await versionOf(id);
      expect(
        await race(
          post(coordinator, "confirm", { version: v }),
          post(coordinator, "return", { version: v, reason: "Thiếu" }),
        ),
      ).toEqual([200, 409]);
      // exactly one timeline entry per winning save
      const entries = await t.db.db
        .selectFrom("occurrence_update")
        .select("kind")
        .where("occurrence_id", "=", id)
        .execute();
      expect(entries.map((e) => e.kind).sort()).toHaveLength(4);
    }
  });

  it("two pauses at once: one 409", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { occurrenceId: id } = await newTask(`P${round}`);
      const v = await versionOf(id);
      const pause = () =>
        coordinator.request("POST", `/api/occurrences/${id}/pause`, {
          version: v,
          paused: true,
          reason: "Dừng",
        });
      expect(await race(pause, pause)).toEqual([200, 409]);
    }
  });

  it("two reassignments of one task at once: one 409, and the lead is one of the two, not both", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { taskId } = await newTask(`R${round}`);
      const reassign = (unitId: number) => () =>
        coordinator.request("PATCH", `/api/tasks/${taskId}/lead`, {
          version: 1,
          unitIds: [unitId],
          reason: "Giao lại",
        });
      expect(await race(reassign(units[0] as number), reassign(units[1] as number))).toEqual([200, 409]);
      const leads = await t.db.db
        .selectFrom("task_body")
        .select("unit_id")
        .where("task_id", "=", taskId)
        .where("role", "=", "lead")
        .execute();
      expect(leads).toHaveLength(1);
      const changes = await t.db.db
        .selectFrom("task_lead_change")
        .select("id")
        .where("task_id", "=", taskId)
        .execute();
      expect(changes).toHaveLength(1);
    }
  });
});
