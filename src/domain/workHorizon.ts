/**
 * "Việc của tôi" lists what is due now and next, not every year of a five-year plan at once. For each
 * task (and each member's share of a task led by a set of bodies), among its open occurrences: every
 * overdue one (and continuous work of a past year), every one waiting on an outside document, and the
 * first one still ahead (this year's continuous work) are "now"; the one after that is "next"; the rest
 * are "later" (reachable on the page and in the register, not listed first). Timeliness is the one rule of domain/status.ts, as the
 * register computed it. Pure.
 */
export type Horizon = "now" | "next" | "later";

export interface HorizonRow {
  id: number;
  task_id: number;
  share_unit_id: number | null;
  due_on: string | null;
  /** The year of a yearly or continuous occurrence ("Thường xuyên năm 2027" has no date but a year). */
  period_year: number | null;
  timeliness: string;
}

/**
 * When an occurrence falls, for ordering: its deadline, else the end of its year (continuous work),
 * else never (waiting on an outside document: always now).
 */
function whenOf(r: HorizonRow): string | null {
  return r.due_on ?? (r.period_year !== null ? `${r.period_year}-12-31` : null);
}

/** Open work that is already behind: overdue, or continuous work of a year that has passed. */
function behind(r: HorizonRow, today: string): boolean {
  if (r.due_on !== null) return r.timeliness === "overdue";
  return r.period_year !== null && `${r.period_year}-12-31` < today;
}

export function horizonsOf(rows: readonly HorizonRow[], today: string): Map<number, Horizon> {
  const byTask = new Map<string, HorizonRow[]>();
  for (const r of rows) {
    const key = `${r.task_id}|${r.share_unit_id ?? ""}`;
    byTask.set(key, [...(byTask.get(key) ?? []), r]);
  }
  const out = new Map<number, Horizon>();
  for (const group of byTask.values()) {
    const ahead = group
      .filter((r) => whenOf(r) !== null && !behind(r, today))
      .sort((a, b) => (whenOf(a) as string).localeCompare(whenOf(b) as string) || a.id - b.id);
    for (const r of group) if (whenOf(r) === null || behind(r, today)) out.set(r.id, "now");
    ahead.forEach((r, i) => {
      out.set(r.id, i === 0 ? "now" : i === 1 ? "next" : "later");
    });
  }
  return out;
}
