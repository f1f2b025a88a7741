/**
 * Builds one report model from the data: the 6-month/annual report of a body on a plan, the compiled
 * report of a round, or the sơ kết/tổng kết of a plan. Rendering (DOCX, XLSX, HTML) reads the model.
 */
import type { Kysely } from "kysely";
import { findPlan, planOccurrences } from "../db/repositories/reportQueries.ts";
import { findRound, submissionsOfRound } from "../db/repositories/reportRepository.ts";
import type { Database } from "../db/schema.ts";
import { isLate } from "../domain/reportSubmission.ts";
import {
  inWindow,
  REPORT_PERIODS,
  type ReportPeriod,
  reportWindow,
  standsOn,
} from "../domain/reportWindows.ts";
import { completionRate, todayIso } from "../domain/status.ts";
import { errors } from "../errors.ts";
import { bodyReport } from "../reports/kinds/bodyReport.ts";
import { type CompiledBody, compiledReport } from "../reports/kinds/compiledReport.ts";
import { countsOf } from "../reports/kinds/data.ts";
import { planReview } from "../reports/kinds/planReview.ts";
import type { BodyResult } from "../reports/kinds/tables.ts";
import type { ReportModel } from "../reports/model.ts";
import { Judgements } from "./saveReportDraft.ts";
import { headerOf, itemsOfUnit, targetsOf, toTaskItem, unitsUnder } from "./shared/reportData.ts";
import { isoDate, z } from "./shared/zod.ts";

const common = {
  number: z.number().int().positive().max(99_999).nullable().optional(),
  issuedOn: isoDate.nullable().optional(),
  judgements: Judgements.optional(),
};
export const GenerateInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("body"),
    documentId: z.number().int().positive(),
    unitId: z.number().int().positive(),
    period: z.enum(REPORT_PERIODS),
    year: z.number().int().min(2000).max(2100),
    recipientUnitId: z.number().int().positive().optional(),
    ...common,
  }),
  z.object({ kind: z.literal("submission"), submissionId: z.number().int().positive() }),
  z.object({ kind: z.literal("compiled"), roundId: z.number().int().positive(), ...common }),
  z.object({
    kind: z.literal("review"),
    documentId: z.number().int().positive(),
    unitId: z.number().int().positive(),
    stage: z.enum(["mid", "final"]),
    asOf: isoDate,
    ...common,
  }),
]);
export type GenerateInput = z.input<typeof GenerateInput>;

async function planOf(db: Kysely<Database>, id: number) {
  const plan = await findPlan(db, id);
  if (!plan) throw errors.notFound("kế hoạch");
  return plan;
}

async function forBody(
  db: Kysely<Database>,
  i: { documentId: number; unitId: number; period: ReportPeriod; year: number; recipientUnitId?: number },
  extra: { number: number | null; issuedOn: string | null; judgements: Record<string, string> },
  today: string,
): Promise<ReportModel> {
  const plan = await planOf(db, i.documentId);
  const window = reportWindow(i.period, i.year);
  const asOf = standsOn(window, today);
  const [{ header, name }, all, units] = await Promise.all([
    headerOf(db, i.unitId, today),
    planOccurrences(db, plan.id, asOf),
    unitsUnder(db, i.unitId, today),
  ]);
  const tasks = itemsOfUnit(all, units).filter((t) => inWindow(t, window));
  const recipient =
    i.recipientUnitId && i.recipientUnitId !== i.unitId
      ? (await headerOf(db, i.recipientUnitId, today)).name
      : null;
  return bodyReport({
    header,
    unitName: name,
    plan,
    period: i.period,
    year: i.year,
    window,
    asOf,
    tasks,
    targets: await targetsOf(db, plan.id, asOf, i.unitId),
    recipients: recipient ? [recipient] : [],
    ...extra,
  });
}

async function forRound(
  db: Kysely<Database>,
  roundId: number,
  extra: Parameters<typeof forBody>[2],
  today: string,
) {
  const round = await findRound(db, roundId);
  if (!round) throw errors.notFound("đợt báo cáo");
  const plan = await planOf(db, round.document_id);
  const window = { from: round.window_from, to: round.window_to };
  const asOf = standsOn(window, today);
  const [{ header }, all, subs] = await Promise.all([
    headerOf(db, round.level_unit_id, today),
    planOccurrences(db, plan.id, asOf),
    submissionsOfRound(db, round.id),
  ]);
  const bodies: CompiledBody[] = [];
  for (const s of subs) {
    const lead = itemsOfUnit(all, await unitsUnder(db, s.unit_id, today)).filter(
      (t) => t.role === "lead" && inWindow(t, window),
    );
    const submittedOn = s.submitted_at ? todayIso(s.submitted_at) : null;
    bodies.push({
      unitName: s.unit_name,
      status: s.status,
      submittedAt: submittedOn,
      late: isLate({ status: s.status, submittedOn }, round.due_on, today),
      assigned: lead.length,
      counts: countsOf(lead, asOf),
      judgements: s.content ?? {},
    });
  }
  const period: ReportPeriod = round.kind === "six_month" ? "six_month" : "annual";
  return compiledReport({
    header,
    plan,
    period,
    year: round.year,
    window,
    asOf,
    dueOn: round.due_on,
    bodies,
    recipients: [],
    ...extra,
  });
}

async function forReview(
  db: Kysely<Database>,
  i: { documentId: number; unitId: number; stage: "mid" | "final"; asOf: string },
  extra: Parameters<typeof forBody>[2],
  today: string,
) {
  const plan = await planOf(db, i.documentId);
  const yearEnd = `${i.asOf.slice(0, 4)}-12-31`;
  const [{ header }, all] = await Promise.all([
    headerOf(db, i.unitId, today),
    planOccurrences(db, plan.id, i.asOf),
  ]);
  const counted = all.filter(
    (o) => o.due === null || o.due <= yearEnd || (o.completedOn !== null && o.completedOn <= i.asOf),
  );
  const tasks = counted.map((o) => toTaskItem(o, "lead"));
  const byBody = new Map<string, typeof tasks>();
  counted.forEach((o, k) => {
    for (const b of o.bodies.filter((x) => x.role === "lead"))
      byBody.set(b.name, [...(byBody.get(b.name) ?? []), tasks[k] as (typeof tasks)[number]]);
  });
  const bodies: BodyResult[] = [...byBody]
    .sort(([a], [b]) => a.localeCompare(b, "vi"))
    .map(([unitName, items]) => {
      const c = countsOf(items, i.asOf);
      return {
        unitName,
        submission: "",
        assigned: items.length,
        doneOnTime: c.doneOnTime,
        doneLate: c.doneLate,
        overdue: c.overdue,
        inTime: c.inTime,
        noDeadline: c.noDeadline,
        rate: completionRate(c),
      };
    });
  const targets = await targetsOf(db, plan.id, i.asOf);
  return planReview({
    header,
    plan,
    stage: i.stage,
    asOf: i.asOf,
    tasks,
    targets,
    bodies,
    recipients: [],
    ...extra,
  });
}

export async function generateReport(
  db: Kysely<Database>,
  raw: GenerateInput,
  now: Date,
): Promise<ReportModel> {
  const input = GenerateInput.parse(raw);
  const today = todayIso(now);
  if (input.kind === "submission") {
    const s = await db
      .selectFrom("report_submission as s")
      .innerJoin("report_round as r", "r.id", "s.round_id")
      .select([
        "s.unit_id",
        "s.content",
        "s.number",
        "s.issued_on",
        "r.document_id",
        "r.kind",
        "r.year",
        "r.level_unit_id",
      ])
      .where("s.id", "=", input.submissionId)
      .executeTakeFirst();
    if (!s) throw errors.notFound("báo cáo");
    const period: ReportPeriod = s.kind === "six_month" ? "six_month" : "annual";
    return forBody(
      db,
      {
        documentId: s.document_id,
        unitId: s.unit_id,
        period,
        year: s.year,
        recipientUnitId: s.level_unit_id,
      },
      { number: s.number, issuedOn: s.issued_on, judgements: s.content ?? {} },
      today,
    );
  }
  const extra = {
    number: input.number ?? null,
    issuedOn: input.issuedOn ?? null,
    judgements: input.judgements ?? {},
  };
  if (input.kind === "body") return forBody(db, input, extra, today);
  if (input.kind === "compiled") return forRound(db, input.roundId, extra, today);
  return forReview(db, input, extra, today);
}
