import type { Kysely } from "kysely";
import type { DocumentBrief } from "../db/repositories/alignmentQueries.ts";
import { overviewContext } from "../db/repositories/overviewContext.ts";
import {
  mostOverdue,
  occurrenceCounts,
  overdueByBody,
  overdueByCommune,
} from "../db/repositories/overviewQueries.ts";
import type { Database } from "../db/schema.ts";
import { DEFAULT_THRESHOLDS, type StatusThresholds, type TargetStatus } from "../domain/indicators.ts";
import type { Scope } from "../domain/policies/scope.ts";
import { completionRate } from "../domain/status.ts";
import { formsStatusOf } from "./getFormsStatus.ts";
import { type PlanAlignment, planAlignments } from "./getPlanAlignment.ts";
import { getTargetsOverview } from "./getTargetsOverview.ts";

type Brief = DocumentBrief;

/**
 * The occurrences' counts and overdue lists of the cascade on asOf, as one unit: every reading of
 * history (scoreboardQueries.occurrencesAsOf) the overview makes is here.
 */
async function taskFigures(db: Kysely<Database>, cascade: number[], asOf: string, scope: Scope) {
  const [counts, overdue, byBody, byCommune] = await Promise.all([
    occurrenceCounts(db, cascade, asOf, scope),
    mostOverdue(db, cascade, asOf, scope),
    overdueByBody(db, cascade, asOf, scope),
    overdueByCommune(db, cascade, asOf, scope),
  ]);
  return { counts, overdue, byBody, byCommune };
}

/** Documents below a root along "implements" links (the root included), nearest first. */
function cascadeOf(root: number, down: Map<number, number[]>): number[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) {
    for (const child of down.get(out[i] as number) ?? []) if (!out.includes(child)) out.push(child);
  }
  return out;
}

/** The default root: the document at the top of the largest cascade (a resolution where one is held or cited). */
function defaultRoot(docs: Brief[], up: Map<number, number[]>, down: Map<number, number[]>): number | null {
  let best: { id: number; size: number; resolution: boolean } | null = null;
  for (const d of docs) {
    if ((up.get(d.id) ?? []).length > 0) continue;
    const size = cascadeOf(d.id, down).length;
    if (size < 2) continue;
    const resolution = d.doc_type === "NQ";
    if (!best || resolution > best.resolution || (resolution === best.resolution && size > best.size))
      best = { id: d.id, size, resolution };
  }
  return best?.id ?? docs.find((d) => d.held)?.id ?? null;
}

const STATUSES: TargetStatus[] = ["achieved", "on_track", "at_risk", "behind", "no_data"];

/**
 * The leaders' minute: for a resolution or plan and its cascade, on a date, within the reader's
 * scope — targets by status, tasks by state with the published completion rate, the most overdue
 * work and who holds it, data-entry completeness, and how each plan below lines up with the one above.
 * A fixed number of statements, none per plan or target: the documents, links and calendar in one
 * (overviewContext), the task figures, the targets (getTargetsOverview with that calendar), the
 * alignments of every plan at once (planAlignments), the forms' status.
 */
export async function getOverview(
  db: Kysely<Database>,
  opts: { documentId?: number; asOf: string; scope: Scope; thresholds?: StatusThresholds },
) {
  const { graph, calendar } = await overviewContext(db, opts.asOf);
  const { docs: docsList, links } = graph;
  const docs = new Map(docsList.map((d) => [d.id, d]));
  const up = new Map<number, number[]>();
  const down = new Map<number, number[]>();
  for (const l of links) {
    up.set(l.from_id, [...(up.get(l.from_id) ?? []), l.to_id]);
    down.set(l.to_id, [...(down.get(l.to_id) ?? []), l.from_id]);
  }
  const rootId = opts.documentId ?? defaultRoot(docsList, up, down);
  const cascade = rootId === null ? [] : cascadeOf(rootId, down);
  const brief = (id: number) => {
    const d = docs.get(id) as Brief;
    return {
      id: d.id,
      number: d.number,
      title: d.title,
      held: d.held,
      type: d.doc_type,
      parents: up.get(id) ?? [],
    };
  };

  // every read that depends only on the cascade and the calendar at once
  const below = cascade.filter((id) => docs.get(id)?.held && id !== rootId);
  const rootHeld = rootId !== null && docs.get(rootId)?.held === true;
  const province = calendar.province;
  const period = calendar.schoolYears[calendar.schoolYears.length - 1];
  const [tasks, targetsAll, alignments, forms] = await Promise.all([
    taskFigures(db, cascade, opts.asOf, opts.scope),
    getTargetsOverview(db, opts.asOf, undefined, opts.thresholds ?? DEFAULT_THRESHOLDS, calendar),
    planAlignments(db, rootHeld ? [...below, rootId as number] : below, graph),
    province && period && opts.scope.kind === "all"
      ? formsStatusOf(db, province.id, period, opts.asOf)
      : null,
  ]);
  const { counts, overdue, byBody, byCommune } = tasks;
  const rootAlignment = rootHeld ? alignments.get(rootId as number) : undefined;

  // targets of the cascade's plans; when none is tied to them, every target the reader follows
  const inCascade = targetsAll.filter((t) => t.document_id !== null && cascade.includes(t.document_id));
  const targets = (inCascade.length > 0 ? inCascade : targetsAll).filter(
    (t) => opts.scope.kind === "all" || opts.scope.ids.has(t.org_unit_id),
  );
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, targets.filter((t) => t.status === s).length]));

  const plans = [];
  for (const id of below) {
    const a = alignments.get(id) as PlanAlignment;
    const verdicts = a.parents.flatMap((p) => p.targets.map((x) => x.verdict));
    plans.push({
      ...brief(id),
      against: a.parents.map((p) => ({ ...p.parent, missing: p.missing.map((m) => m.number) })),
      weaker: verdicts.filter((v) => v === "weaker").length,
      dropped: verdicts.filter((v) => v === "dropped").length,
      stricter: verdicts.filter((v) => v === "stricter").length,
      tasksWithoutCounterpart: a.parents.reduce((n, p) => n + p.tasksWithoutCounterpart.length, 0),
    });
  }

  const done = (counts?.done_on_time ?? 0) + (counts?.done_late ?? 0);
  return {
    asOf: opts.asOf,
    root: rootId === null ? null : brief(rootId),
    documents: cascade.map(brief),
    targets: {
      byStatus,
      items: targets.map((t) => ({
        id: t.id,
        label: t.label,
        unit: t.unit_name,
        indicatorId: t.indicator_id,
        comparator: t.comparator,
        target: t.value,
        unitOfMeasure: t.unit,
        dueYear: t.due_year,
        current: t.current?.value ?? null,
        status: t.status,
        meeting: "meeting" in t ? t.meeting : null,
      })),
    },
    tasks: counts ? { ...counts, done, rate: completionRate({ done, overdue: counts.overdue }) } : null,
    mostOverdue: overdue,
    overdueByBody: byBody,
    overdueByCommune: byCommune,
    forms: forms && {
      period: { id: forms.period.id, code: forms.period.code, name: forms.period.name },
      total: forms.units.length,
      submitted: forms.units.filter((u) => u.status === "submitted" || u.status === "approved").length,
      approved: forms.units.filter((u) => u.status === "approved").length,
      late: forms.units.filter((u) => u.late).map((u) => ({ id: u.id, name: u.full_name })),
    },
    plans,
    bodiesWithoutPlan: rootAlignment?.bodiesWithoutPlan ?? [],
  };
}
