import type { Key } from "../../i18n.en.ts";

/** The answer of POST /api/occurrences/:id/chase (usecases/chaseOccurrence.ts). */
export interface ChaseOutcome {
  notified: number;
  reached: { unitName: string; people: { name: string; email: boolean }[] }[];
  unreached: { body: string; reason: "no_users" | "not_a_unit" }[];
}

/** Who a chase reached (and whether by e-mail too), and who it could not reach, and why. */
export function chaseSummary(o: ChaseOutcome, t: (k: Key) => string): string {
  const lines: string[] = [];
  for (const r of o.reached) {
    const people = r.people.map((p) => `${p.name}${p.email ? "" : ` (${t("tasks.chaseNoEmail")})`}`);
    lines.push(`${t("tasks.chaseReached")} ${r.unitName}: ${people.join(", ")}`);
  }
  for (const u of o.unreached)
    lines.push(
      `${t("tasks.chaseUnreached")} ${u.body} — ${t(u.reason === "no_users" ? "tasks.chaseNoUsers" : "tasks.chaseNotUnit")}`,
    );
  if (lines.length === 0) lines.push(t("tasks.chaseNobody"));
  return lines.join("\n");
}
