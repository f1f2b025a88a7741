import type { Key } from "../../i18n.en.ts";

import type { ChaseOutcome } from "../../tasks.ts";

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
