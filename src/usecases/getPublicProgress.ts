import type { Kysely } from "kysely";
import {
  documentsBrief,
  linksBetween,
  occurrencesWithLeads,
  type PublicMapUnit,
  publicDocumentIds,
  publicMap,
  publicTargetIds,
} from "../db/repositories/publicQueries.ts";
import type { Database } from "../db/schema.ts";
import type { StatusThresholds } from "../domain/indicators.ts";
import { isPublicLevel, publicUnitOf, type Standing, standingOn, tally } from "../domain/publicView.ts";
import { errors } from "../errors.ts";
import { getTargetsOverview } from "./getTargetsOverview.ts";

/*
 * What anyone may see without signing in: only plans and targets an administrator made public, counted
 * no lower than a commune (a school's or a commune office's work is counted into its commune), with no
 * person, comment or file — names of bodies and communes, counts, rates, targets and their figures.
 */

export interface PublicOptions {
  asOf: string;
  thresholds: StatusThresholds;
  /** One public plan only (404 when it is not public). */
  documentId?: number;
  /** One unit at commune level or above (404 below it). */
  unitId?: number;
}

type Occurrence = Awaited<ReturnType<typeof occurrencesWithLeads>>[number];

/** Per public unit: the standing of each occurrence it answers for, each counted once per unit. */
function byPublicUnit(occurrences: Occurrence[], map: Map<number, PublicMapUnit>, asOf: string) {
  const out = new Map<number, Map<number, Standing>>();
  for (const o of occurrences) {
    if (o.shared) continue; // its members' shares answer for it
    for (const unitId of o.units) {
      const unit = map.get(unitId);
      const answering = unit ? publicUnitOf(unit) : null;
      if (answering === null) continue;
      const seen = out.get(answering) ?? new Map<number, Standing>();
      seen.set(o.id, standingOn(o, asOf));
      out.set(answering, seen);
    }
  }
  return out;
}

async function publicTargets(db: Kysely<Database>, opts: PublicOptions, map: Map<number, PublicMapUnit>) {
  const ids = await publicTargetIds(db);
  if (ids.size === 0) return [];
  const all = await getTargetsOverview(db, opts.asOf, opts.unitId, opts.thresholds);
  return all
    .filter((t) => ids.has(t.id))
    .filter((t) => opts.documentId === undefined || t.document_id === opts.documentId)
    .filter((t) => {
      const unit = map.get(t.org_unit_id);
      return unit !== undefined && isPublicLevel(unit);
    })
    .map((t) => ({
      id: t.id,
      label: t.label,
      indicator: t.indicator_name,
      unitId: t.org_unit_id,
      unitName: t.unit_name,
      eachCommune: t.scope === "each_commune",
      comparator: t.comparator,
      target: t.value,
      unitOfMeasure: t.unit,
      dueYear: t.due_year,
      status: t.status as string,
      current: t.current?.value ?? null,
      meeting: t.meeting,
      trend: t.trend.map((p) => ({
        period: p.period,
        name: p.name,
        value: p.value,
        sample: p.source === "sample",
      })),
    }));
}

export async function getPublicProgress(db: Kysely<Database>, opts: PublicOptions) {
  const map = await publicMap(db, opts.asOf);
  let unit: { id: number; name: string; kind: string } | null = null;
  if (opts.unitId !== undefined) {
    const found = map.get(opts.unitId);
    if (!found || !isPublicLevel(found)) throw errors.notFound("đơn vị này trên trang công khai");
    unit = { id: found.id, name: found.name, kind: found.kind };
  }
  const publicIds = await publicDocumentIds(db);
  if (opts.documentId !== undefined && !publicIds.includes(opts.documentId))
    throw errors.notFound("kế hoạch này trên trang công khai");
  const shown = opts.documentId === undefined ? publicIds : [opts.documentId];
  const [docs, links, occurrences, targets] = await Promise.all([
    documentsBrief(db, publicIds),
    linksBetween(db, publicIds),
    occurrencesWithLeads(db, shown),
    publicTargets(db, opts, map),
  ]);
  const perUnit = byPublicUnit(occurrences, map, opts.asOf);
  const mine = (o: Occurrence) =>
    unit === null ? o.share_of === null : (perUnit.get(unit.id)?.has(o.id) ?? false);
  const counted = occurrences.filter(mine);
  const plans = docs.map((d) => ({
    id: d.id,
    number: d.number,
    title: d.title,
    type: d.doc_type,
    issuedOn: d.issued_on,
    issuer: d.issuer_text,
    period: d.period_from === null ? null : { from: d.period_from, to: d.period_to },
    parents: links.filter((l) => l.from_id === d.id).map((l) => l.to_id),
    tasks: tally(counted.filter((o) => o.document_id === d.id).map((o) => standingOn(o, opts.asOf))),
  }));
  const byBody = [...perUnit.entries()]
    .filter(([id]) => unit === null || id === unit.id)
    .map(([id, standings]) => {
      const u = map.get(id) as PublicMapUnit;
      return { unitId: id, name: u.name, kind: u.kind, ...tally([...standings.values()]) };
    })
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.name.localeCompare(b.name, "vi"));
  return {
    asOf: opts.asOf,
    unit,
    plan: opts.documentId === undefined ? null : (plans.find((p) => p.id === opts.documentId) ?? null),
    plans: opts.documentId === undefined ? plans : plans.filter((p) => p.id === opts.documentId),
    cascade: plans.map((p) => ({ id: p.id, number: p.number, type: p.type, parents: p.parents })),
    tasks: tally(counted.map((o) => standingOn(o, opts.asOf))),
    byBody,
    targets,
  };
}
