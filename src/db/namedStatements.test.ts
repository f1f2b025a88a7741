import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./database.ts";
import { openTestDb } from "./testing.ts";

/* Both databases (one driver): statements are named once the schema is ready, and still answer right. */

let t: Db;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t?.close());

const preparedNames = (db: Db["db"]) =>
  sql<{ name: string }>`select name from pg_prepared_statements where name like 'lt\\_%'`.execute(db);

describe("named statements", () => {
  it("none before schemaReady; afterwards each statement is named once per connection and answers right", async () => {
    const unitName = (db: Db["db"], id: number) =>
      db.selectFrom("org_unit").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
    const [a, b] = await t.db
      .selectFrom("org_unit")
      .select("id")
      .orderBy("id")
      .limit(2)
      .execute()
      .then((r) => r.map((x) => x.id));
    await t.db.connection().execute(async (c) => {
      await unitName(c, a as number);
      expect((await preparedNames(c)).rows).toEqual([]);
    });
    t.schemaReady?.();
    await t.db.connection().execute(async (c) => {
      const first = await unitName(c, a as number);
      const second = await unitName(c, b as number);
      expect(first?.id).toBe(a);
      expect(second?.id).toBe(b);
      // a write and a read in one transaction through named statements
      await c.transaction().execute(async (trx) => {
        await trx
          .updateTable("org_unit")
          .set({ name: "Tên tạm" })
          .where("id", "=", a as number)
          .execute();
        expect((await unitName(trx, a as number))?.name).toBe("Tên tạm");
      });
      const names = (await preparedNames(c)).rows.map((r) => r.name);
      expect(names.length).toBeGreaterThanOrEqual(2);
      expect(new Set(names).size).toBe(names.length);
    });
  });
});
