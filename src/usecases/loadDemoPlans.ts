import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { indicatorCandidates } from "../db/repositories/indicatorCandidates.ts";
import { unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import { tieTargetsToPlan } from "../db/repositories/seedTargetLinks.ts";
import type { Database } from "../db/schema.ts";
import { targetSeeds } from "../db/seed/indicatorTargets.ts";
import { systemActor } from "../domain/roles.ts";
import { parsePlan } from "../import/parsePlan.ts";
import { draftToConfirmed } from "../import/toConfirmed.ts";
import { importPlanDocument } from "./importPlanDocument.ts";

/**
 * Demo mode: imports the real plans in demo/plans when no document is held yet, through the same
 * importer a coordinator uses (unknown bodies are kept as text, not created; each indicator-table row
 * confirmed with the catalog indicator proposed for it, so 5272/KH-UBND's appendix becomes the
 * province's 2024–2025 figures and 2025–2026 targets the way a reviewer's confirmation would).
 */
export async function loadDemoPlans(db: Kysely<Database>, dir: string): Promise<string[]> {
  const held = await db.selectFrom("document").select("id").where("held", "=", true).limit(1).execute();
  if (held.length > 0 || !fs.existsSync(dir)) return [];
  const actor = systemActor("Chế độ trình diễn");
  const units = await unitCandidates(db);
  const indicators = await indicatorCandidates(db);
  const loaded: string[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    // the indicator rows are confirmed as proposed: 5272/KH-UBND's table becomes the province's figures
    const draft = parsePlan(text, { units, indicators });
    const { documentId } = await importPlanDocument(
      db,
      actor,
      draftToConfirmed(draft, { name, format: "text", text }),
    );
    // the catalog's targets of this plan (loaded with the map, before it) become the plan's own, so
    // that its reports and sơ kết show them
    const plan = draft.document.number ?? draft.document.issuer ?? "";
    const labels = targetSeeds
      .filter((t) => (t.plan.includes("/") ? t.plan === plan : plan.includes(t.plan)))
      .map((t) => `${t.label} — ${t.plan}`);
    await tieTargetsToPlan(db, labels, documentId);
    loaded.push(draft.document.number ?? `${draft.document.issuer ?? ""} (chưa có số)`);
  }
  return loaded;
}
