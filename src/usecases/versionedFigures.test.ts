import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { openTestDb } from "../db/testing.ts";
import type { Actor } from "../domain/roles.ts";
import { AppError } from "../errors.ts";
import { deleteTarget } from "./deleteTarget.ts";
import { getDataForm } from "./getDataForm.ts";
import { reviewDataForm } from "./reviewDataForm.ts";
import { saveDataForm } from "./saveDataForm.ts";
import { saveIndicator } from "./saveIndicator.ts";
import { saveTarget } from "./saveTarget.ts";

/**
 * Two saves of the same entity at the same version, at once: exactly one wins, the other gets 409 and
 * leaves nothing behind. On PostgreSQL (`--project postgres`) the two run truly concurrently — a check
 * before the write alone would let both pass; the row count of the versioned write is what decides.
 */
let t: Db;
const coordinator: Actor = { id: null, name: "Điều phối", role: "coordinator", orgUnitId: null };
let ids: {
  communes: number[];
  period: number;
  province: number;
  indicator: number;
  num: number;
  den: number;
};
const ROUNDS = 5;

beforeAll(async () => {
  t = await openTestDb();
  const db = t.db;
  const ind = await db
    .selectFrom("indicator")
    .selectAll()
    .where("code", "=", "KH5272-03")
    .executeTakeFirstOrThrow();
  ids = {
    communes: (
      await db
        .selectFrom("org_unit")
        .select("id")
        .where("kind", "in", ["commune", "ward"])
        .where("valid_to", "is", null)
        .orderBy("id")
        .limit(ROUNDS * 2)
        .execute()
    ).map((r) => r.id),
    period: (
      await db.selectFrom("period").select("id").where("code", "=", "2025SY").executeTakeFirstOrThrow()
    ).id,
    province: (
      await db.selectFrom("org_unit").select("id").where("kind", "=", "province").executeTakeFirstOrThrow()
    ).id,
    indicator: ind.id,
    num: ind.numerator_id as number,
    den: ind.denominator_id as number,
  };
});
afterAll(async () => {
  await t.close();
});

/** Runs both at once; exactly one must succeed and the other fail with CONFLICT_VERSION. */
async function race<T>(
  a: () => Promise<T>,
  b: () => Promise<T>,
  codes: string[] = ["CONFLICT_VERSION"],
): Promise<T> {
  const results = await Promise.allSettled([a(), b()]);
  const won = results.filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === "fulfilled");
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(1);
  const reason = lost[0]?.reason;
  expect(reason).toBeInstanceOf(AppError);
  expect(codes).toContain((reason as AppError).code);
  return won[0]?.value as T;
}

const officerOf = (unit: number): Actor => ({
  id: null,
  name: `Cán bộ ${unit}`,
  role: "officer",
  orgUnitId: unit,
});
const values = (n: number, d: number) => [
  { elementId: ids.num, value: n, comment: null },
  { elementId: ids.den, value: d, comment: null },
];

describe("concurrent saves of the same version: exactly one 409", () => {
  it("saveDataForm — the first save of a form, and a later one", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const unit = ids.communes[round] as number;
      const actor = officerOf(unit);
      await race(
        () => saveDataForm(t.db, actor, unit, ids.period, { version: 0, values: values(5, 10) }),
        () => saveDataForm(t.db, actor, unit, ids.period, { version: 0, values: values(6, 10) }),
      );
      const won = await race(
        () => saveDataForm(t.db, actor, unit, ids.period, { version: 1, values: values(7, 10) }),
        () => saveDataForm(t.db, actor, unit, ids.period, { version: 1, values: values(8, 10) }),
      );
      expect(won.version).toBe(2);
      // what is stored is what the winner wrote, and one audit row per winning save
      const stored = await t.db
        .selectFrom("data_value")
        .select("value")
        .where("org_unit_id", "=", unit)
        .where("element_id", "=", ids.num)
        .executeTakeFirstOrThrow();
      expect([7, 8]).toContain(Number(stored.value));
      const audits = await t.db
        .selectFrom("audit_log")
        .select("id")
        .where("action", "=", "figures.save")
        .where("entity_id", "like", `${unit}/%`)
        .execute();
      expect(audits).toHaveLength(2);
    }
  });

  it("reviewDataForm — two reviewers approve or return the same submitted form", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const unit = ids.communes[ROUNDS + round] as number;
      const actor = officerOf(unit);
      const def = await getDataForm(t.db, unit, ids.period);
      const sent = await saveDataForm(t.db, actor, unit, ids.period, {
        version: 0,
        submit: true,
        values: def.fields.map((f) => ({
          elementId: f.elementId,
          category: f.category,
          value: f.category ? 0 : 1,
          comment: null,
        })),
      });
      await race(
        () =>
          reviewDataForm(t.db, coordinator, unit, ids.period, { version: sent.version, decision: "approve" }),
        () =>
          reviewDataForm(t.db, coordinator, unit, ids.period, {
            version: sent.version,
            decision: "return",
            reason: "Thiếu số liệu",
          }),
      );
    }
  });

  it("saveTarget, deleteTarget and saveIndicator", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const target = {
        indicatorId: ids.indicator,
        unitId: ids.province,
        value: 99,
        dueYear: 2030,
        label: `Mục tiêu thử ${round}`,
      };
      const created = await saveTarget(t.db, coordinator, target);
      const saved = await race(
        () => saveTarget(t.db, coordinator, { ...target, value: 98, version: 1 }, created.id),
        () => saveTarget(t.db, coordinator, { ...target, value: 97, version: 1 }, created.id),
      );
      // a delete at a version someone has since saved over is refused
      await expect(deleteTarget(t.db, coordinator, created.id, saved.version - 1)).rejects.toMatchObject({
        code: "CONFLICT_VERSION",
      });
      // two deletes at once: one removes it; the other finds it changed (409) or, once it is gone, absent
      await race(
        () => deleteTarget(t.db, coordinator, created.id, saved.version),
        () => deleteTarget(t.db, coordinator, created.id, saved.version),
        ["CONFLICT_VERSION", "NOT_FOUND"],
      );

      const indicator = {
        code: `THU-${round}`,
        name: `Chỉ tiêu thử ${round}`,
        unit: "%",
        type: "rate" as const,
        level: "commune" as const,
        numerator: "Số trẻ thử",
        denominator: "Số trẻ thử trong độ tuổi",
      };
      const made = await saveIndicator(t.db, coordinator, indicator);
      await race(
        () => saveIndicator(t.db, coordinator, { ...indicator, name: "Tên A", version: 1 }, made.id),
        () => saveIndicator(t.db, coordinator, { ...indicator, name: "Tên B", version: 1 }, made.id),
      );
    }
  });
});
