import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { openTestDb } from "../db/testing.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { readSeed, seedsAvailable } from "../import/testing/seeds.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { getPlanAlignment } from "./getPlanAlignment.ts";
import { importPlanDocument } from "./importPlanDocument.ts";

const haveSeeds = seedsAvailable();
let t: Db;
const ids: Record<string, number> = {};

async function load(prefix: string) {
  const text = readSeed(prefix);
  const draft = parsePlan(text, { units: await unitCandidates(t.db) });
  const r = await importPlanDocument(
    t.db,
    systemActor("Kiểm thử"),
    draftToConfirmed(draft, { name: `${prefix}.txt`, format: "text", text }),
  );
  ids[prefix] = r.documentId;
}

beforeAll(async () => {
  t = await openTestDb();
  if (haveSeeds) for (const p of ["000", "001", "003"]) await load(p);
});
afterAll(() => t.close());

describe.skipIf(!haveSeeds)(
  "alignment of Bình Lư's plan with 47-KH/ĐU, across the missing 2086/KH-UBND",
  () => {
    it("compares with the nearest plan held and names the one missing", async () => {
      const a = await getPlanAlignment(t.db, ids["003"] as number);
      const withProvince = a.parents.find((p) => p.parent.number === "47-KH/ĐU");
      expect(withProvince).toBeDefined();
      expect(withProvince?.missing.map((m) => m.number)).toContain("2086/KH-UBND");
    });

    it("upper-secondary enrolment ≥ 65 % by 2028 is stricter than ≥ 60 % by 2030; preschool by 2028 is earlier", async () => {
      const a = await getPlanAlignment(t.db, ids["003"] as number);
      const targets = a.parents.find((p) => p.parent.number === "47-KH/ĐU")?.targets ?? [];
      const upper = targets.find(
        (x) => x.parent?.measure.endsWith("trung học phổ thông") && x.parent.value === 60,
      );
      expect(upper).toMatchObject({ verdict: "stricter", child: { value: 65, year: 2028 } });
      const preschool = targets.find((x) =>
        x.parent?.measure.startsWith("hoàn thành phổ cập giáo dục mầm non"),
      );
      expect(preschool).toMatchObject({ verdict: "stricter", reasons: ["năm 2028 so với 2030"] });
    });

    it("the Chinese-language target is dropped and the happy-schools target is Bình Lư's own", async () => {
      const a = await getPlanAlignment(t.db, ids["003"] as number);
      const targets = a.parents.find((p) => p.parent.number === "47-KH/ĐU")?.targets ?? [];
      expect(targets.find((x) => x.parent?.measure.includes("tiếng Trung"))?.verdict).toBe("dropped");
      expect(targets.find((x) => x.child?.measure.includes("hạnh phúc"))?.verdict).toBe("added");
      expect(targets.some((x) => x.verdict === "weaker")).toBe(false);
    });

    it("47-KH/ĐU names the bodies that lead its work and have no plan held for it", async () => {
      const a = await getPlanAlignment(t.db, ids["000"] as number);
      expect(a.parents).toEqual([]);
      expect(a.bodiesWithoutPlan.length).toBeGreaterThan(0);
      expect(a.bodiesWithoutPlan.every((b) => b.tasks > 0)).toBe(true);
    });

    it("names the plans above that reach no held plan, and only those", async () => {
      const binhLu = await getPlanAlignment(t.db, ids["003"] as number);
      // the Party line (84/KH-ĐU → 06-NQ/TU) has nothing held; 2086/KH-UBND leads to 47-KH/ĐU, compared
      expect(binhLu.notHeldAbove.map((m) => m.number)).toEqual(["84/KH-ĐU", "06-NQ/TU"]);
      const province = await getPlanAlignment(t.db, ids["000"] as number);
      expect(province.notHeldAbove.map((m) => m.number)).toEqual(["06-NQ/TU"]);
    });

    it("the city plan has no held plan above it: not compared, and its parents are named", async () => {
      const city = await getPlanAlignment(t.db, ids["001"] as number);
      expect(city.parents).toEqual([]);
      expect(city.notHeldAbove.map((m) => m.number)).toEqual(["740/KH-BCSD", "294-KH/TU"]);
    });

    it("an unknown document is 404 in Vietnamese", async () => {
      await expect(getPlanAlignment(t.db, 999_999)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  },
);
