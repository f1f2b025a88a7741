import type { PlanDraft } from "./draft.ts";

export interface SourceInfo {
  name: string;
  format: "text" | "docx" | "pdf";
  text: string;
}

/**
 * The draft as it would be confirmed without edits: every resolved body keeps its unit, unknown
 * bodies are created only when `createUnknownBodies` is set (the person said so), else kept as text.
 */
export function draftToConfirmed(draft: PlanDraft, source: SourceInfo, createUnknownBodies = false) {
  const d = draft.document;
  return {
    source,
    document: {
      type: d.type,
      number: d.number,
      issuedOn: d.issuedOn,
      dateText: d.dateText,
      issuer: d.issuer,
      place: d.place,
      title: d.title,
      period: d.period,
      references: d.references,
    },
    targets: draft.targets,
    tasks: draft.tasks.map((t) => ({
      ref: t.ref,
      group: t.group,
      groupTitle: t.groupTitle,
      title: t.title,
      lead: t.lead,
      support: t.support,
      timeframeText: t.timeframe.text,
      timeframeKind: t.timeframe.kind,
      product: t.product,
      note: t.note,
      source: t.source,
    })),
    indicators: draft.indicators.map((r) => ({
      ref: r.ref,
      name: r.name,
      unit: r.unit,
      values: r.values,
      note: r.note,
      indicatorId: r.match?.indicatorId ?? null,
      skip: false,
      create: null as null | { name: string; unit: string; type: "count" | "rate" | "yes_no" },
    })),
    indicatorColumns: (draft.indicatorColumns ?? []).map((c) => ({
      header: c.header,
      kind: c.kind,
      period: c.period,
      year: c.year,
    })),
    bodies: draft.bodies.map((b) => ({
      text: b.text,
      unitId: b.unit?.id ?? null,
      create: createUnknownBodies && !b.plural && !b.unit,
      members: [] as number[],
    })),
    warnings: draft.warnings,
  };
}
