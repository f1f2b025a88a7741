import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { recordAudit } from "../db/repositories/auditRepository.ts";
import { shareOutDocument } from "../db/repositories/bodyShareRepository.ts";
import {
  bodiesOfTasks,
  findDocumentByIdentity,
  findDocumentByNumberKey,
  tasksOfDocument,
} from "../db/repositories/documentRepository.ts";
import { syncTaskOccurrences } from "../db/repositories/occurrenceRepository.ts";
import { insertParentLink, insertUnit, unitCandidates } from "../db/repositories/orgUnitRepository.ts";
import type { Database } from "../db/schema.ts";
import { confirmedTimeframe, occurrencesOf, planPeriod } from "../domain/occurrences.ts";
import type { Actor } from "../domain/roles.ts";
import { todayIso } from "../domain/status.ts";
import { asciiKey } from "../domain/text.ts";
import { errors } from "../errors.ts";
import { indexCandidates, resolveBody, setKindOf } from "../import/bodies.ts";
import { numberKey } from "../import/documentMeta.ts";
import { type IndicatorFiguresResult, importIndicatorFigures } from "./importIndicatorFigures.ts";
import { expandPicked, pickedMembers } from "./shared/pickedBodies.ts";
import { ConfirmedPlan, type ConfirmedPlanInput } from "./shared/planSchemas.ts";

export interface ImportChanges {
  created: boolean;
  documentId: number;
  tasks: { added: string[]; removed: string[]; changed: string[] };
  targets: { before: number; after: number };
  indicators: { before: number; after: number };
  /** The indicator table's values written as figures and targets (importIndicatorFigures.ts). */
  figures: IndicatorFiguresResult;
  createdBodies: string[];
  unresolvedBodies: string[];
}

/** How one document is recognised when it is imported again: its number, else issuer + title. */
export function identityKeyOf(doc: {
  number: string | null;
  issuer: string | null;
  title: string | null;
}): string {
  if (doc.number) return `n:${numberKey(doc.number)}`;
  return `t:${asciiKey(doc.issuer ?? "")}|${asciiKey(doc.title ?? "")}`;
}

/**
 * Saves a confirmed plan, all or nothing. Importing the same document again updates it in place
 * (tasks matched by their row reference) and reports what changed instead of making a copy.
 * Documents it cites that are not held yet become placeholders ("chưa có văn bản").
 */
export async function importPlanDocument(
  db: Kysely<Database>,
  actor: Actor,
  raw: ConfirmedPlanInput,
): Promise<ImportChanges> {
  const plan = ConfirmedPlan.parse(raw);
  const doc = plan.document;
  if (!doc.number && !doc.title) throw errors.validation("Văn bản cần có số hoặc trích yếu để nhận diện.");
  const refs = plan.tasks.map((t) => t.ref);
  const dup = refs.find((r, i) => refs.indexOf(r) !== i);
  if (dup)
    throw errors.validation(`Hai nhiệm vụ cùng số thứ tự "${dup}"; hãy sửa để mỗi nhiệm vụ có một số riêng.`);

  return db.transaction().execute(async (trx) => {
    const candidates = await unitCandidates(trx);
    const index = indexCandidates(candidates);
    const issuerUnit = doc.issuer ? resolveBody(doc.issuer, index, doc.issuedOn).unit : null;
    const province = candidates.find((c) => c.names.includes("Tỉnh Lai Châu"));

    // decisions on bodies: existing unit, new body, or text only
    const decided = new Map<string, number | null>();
    const createdBodies: string[] = [];
    for (const b of plan.bodies) {
      if (b.unitId !== null) {
        const exists = candidates.some((c) => c.id === b.unitId);
        if (!exists) throw errors.validation(`Cơ quan được chọn cho "${b.text}" không tồn tại.`);
        decided.set(b.text, b.unitId);
      } else if (b.create && !setKindOf(b.text)) {
        const id = await insertUnit(trx, { code: null, kind: "body", name: b.text, fullName: b.text });
        const parent = issuerUnit?.id ?? province?.id ?? null;
        if (parent) await insertParentLink(trx, id, parent, doc.issuedOn, null);
        await recordAudit(trx, actor, {
          action: "org_unit.create",
          entity: "org_unit",
          entityId: id,
          after: { name: b.text, parent },
        });
        decided.set(b.text, id);
        createdBodies.push(b.text);
      } else {
        decided.set(b.text, null);
      }
    }
    const picked = await pickedMembers(trx, plan.bodies);
    const unitFor = (text: string): number | null => {
      if (decided.has(text)) return decided.get(text) ?? null;
      const r = resolveBody(text, index, doc.issuedOn);
      return r.unit?.id ?? null;
    };

    const identity = identityKeyOf(doc);
    const nKey = doc.number ? numberKey(doc.number) : null;
    let existing = await findDocumentByIdentity(trx, identity);
    if (!existing && nKey) existing = await findDocumentByNumberKey(trx, nKey);
    const wasHeld = existing?.held ?? false;
    const values = {
      identity_key: identity,
      held: true,
      doc_type: doc.type,
      number: doc.number,
      number_key: nKey,
      issued_on: doc.issuedOn,
      date_text: doc.dateText,
      issuer_text: doc.issuer,
      issuer_unit_id: issuerUnit?.id ?? null,
      place: doc.place,
      title: doc.title,
      period_from: doc.period?.from ?? null,
      period_to: doc.period?.to ?? null,
      source_name: plan.source.name,
      source_format: plan.source.format,
      source_text: plan.source.text,
      source_hash: createHash("sha256").update(plan.source.text).digest("hex"),
      warnings: JSON.stringify(plan.warnings),
      imported_at: new Date(),
    };
    let documentId: number;
    if (existing) {
      documentId = existing.id;
      await trx
        .updateTable("document")
        .set({ ...values, version: existing.version + 1 })
        .where("id", "=", existing.id)
        .execute();
    } else {
      documentId = (await trx.insertInto("document").values(values).returning("id").executeTakeFirstOrThrow())
        .id;
    }

    const timeframes = plan.tasks.map((t) => confirmedTimeframe(t.timeframeText, t.timeframeKind));
    const period = planPeriod({
      period: doc.period,
      issuedOn: doc.issuedOn,
      dateText: doc.dateText,
      taskDues: timeframes.map((tf) => tf.due),
    });
    if (!period)
      throw errors.validation(
        "Văn bản không ghi năm nào (ngày ban hành, giai đoạn hay thời hạn); hãy ghi giai đoạn của kế hoạch để tính các lần báo cáo.",
      );

    // tasks, matched by ref
    const before = await tasksOfDocument(trx, documentId);
    const beforeBodies = await bodiesOfTasks(
      trx,
      before.map((t) => t.id),
    );
    const byRef = new Map(before.map((t) => [t.ref, t]));
    const changes: ImportChanges["tasks"] = { added: [], removed: [], changed: [] };
    const keep = new Set(plan.tasks.map((t) => t.ref));
    const removed = before.filter((t) => !keep.has(t.ref));
    if (removed.length > 0) {
      await trx
        .deleteFrom("plan_task")
        .where(
          "id",
          "in",
          removed.map((t) => t.id),
        )
        .execute();
      changes.removed.push(...removed.map((t) => t.ref));
    }
    for (const [position, t] of plan.tasks.entries()) {
      const tf = timeframes[position] as (typeof timeframes)[number];
      const row = {
        group_ref: t.group,
        group_title: t.groupTitle,
        title: t.title,
        timeframe_text: t.timeframeText,
        timeframe: JSON.stringify(tf),
        timeframe_kind: tf.kind,
        due_on: tf.due,
        product: t.product,
        note: t.note,
        source: t.source,
        position,
        search_key: asciiKey(`${t.ref} ${t.title}`),
      };
      const bodies = [
        ...t.lead.map((text, i) => ({ role: "lead" as const, text, position: i })),
        ...t.support.map((text, i) => ({ role: "support" as const, text, position: i })),
      ].flatMap((b) => expandPicked({ ...b, unit_id: unitFor(b.text), set_kind: setKindOf(b.text) }, picked));
      const old = byRef.get(t.ref);
      let taskId: number;
      if (old) {
        taskId = old.id;
        const oldBodies = beforeBodies
          .filter((b) => b.task_id === old.id)
          .map((b) => `${b.role}:${b.text}:${b.unit_id}`)
          .join("|");
        const newBodies = bodies.map((b) => `${b.role}:${b.text}:${b.unit_id}`).join("|");
        const differs =
          old.title !== row.title ||
          old.timeframe_text !== row.timeframe_text ||
          old.product !== row.product ||
          old.note !== row.note ||
          old.group_title !== row.group_title ||
          oldBodies !== newBodies;
        if (differs) {
          changes.changed.push(t.ref);
          await trx
            .updateTable("plan_task")
            .set({ ...row, version: old.version + 1, updated_at: new Date() })
            .where("id", "=", old.id)
            .execute();
          await trx.deleteFrom("task_body").where("task_id", "=", old.id).execute();
        } else {
          if (old.position !== position)
            await trx.updateTable("plan_task").set({ position }).where("id", "=", old.id).execute();
          await syncTaskOccurrences(trx, old.id, occurrencesOf(tf, period));
          continue;
        }
      } else {
        taskId = (
          await trx
            .insertInto("plan_task")
            .values({ ...row, document_id: documentId, ref: t.ref })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
        changes.added.push(t.ref);
      }
      if (bodies.length > 0)
        await trx
          .insertInto("task_body")
          .values(bodies.map((b) => ({ ...b, task_id: taskId })))
          .execute();
      await syncTaskOccurrences(trx, taskId, occurrencesOf(tf, period));
    }

    // tasks led by a set of communes, schools or villages are shared out to its members
    await shareOutDocument(trx, documentId, todayIso(new Date()));

    // targets and indicator rows are replaced as a whole
    const countOf = async (table: "plan_target" | "indicator_row") =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("document_id", "=", documentId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const targetsBefore = await countOf("plan_target");
    const indicatorsBefore = await countOf("indicator_row");
    await trx.deleteFrom("plan_target").where("document_id", "=", documentId).execute();
    await trx.deleteFrom("indicator_row").where("document_id", "=", documentId).execute();
    if (plan.targets.length > 0) {
      await trx
        .insertInto("plan_target")
        .values(
          plan.targets.map((t, position) => ({
            document_id: documentId,
            ref: t.ref,
            text: t.text,
            measure: t.measure,
            comparator: t.comparator,
            comparator_text: t.comparatorText,
            value: t.value,
            unit: t.unit,
            year: t.year,
            school_year: t.schoolYear,
            recurring: t.recurring,
            places: JSON.stringify(t.places),
            position,
          })),
        )
        .execute();
    }
    if (plan.indicators.length > 0) {
      await trx
        .insertInto("indicator_row")
        .values(
          plan.indicators.map((r, position) => ({
            document_id: documentId,
            ref: r.ref,
            name: r.name,
            unit: r.unit,
            values: JSON.stringify(r.values),
            note: r.note,
            position,
          })),
        )
        .execute();
    }

    const figures = await importIndicatorFigures(trx, actor, {
      documentId,
      plan,
      issuerUnitId: issuerUnit?.id ?? null,
    });

    // links to the documents it implements or cites; placeholders for those not held
    await trx.deleteFrom("document_link").where("from_id", "=", documentId).execute();
    const docFor = async (r: {
      number: string;
      type?: string | null;
      issuedOn?: string | null;
      issuer?: string | null;
    }) => {
      const key = numberKey(r.number);
      const found = await findDocumentByNumberKey(trx, key);
      if (found) return found;
      return trx
        .insertInto("document")
        .values({
          identity_key: `n:${key}`,
          held: false,
          doc_type: r.type ?? null,
          number: r.number,
          number_key: key,
          issued_on: r.issuedOn ?? null,
          issuer_text: r.issuer ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    };
    const link = (from: number, to: number, relation: "implements" | "cites") =>
      trx
        .insertInto("document_link")
        .values({ from_id: from, to_id: to, relation })
        .onConflict((oc) => oc.columns(["from_id", "to_id"]).doNothing())
        .execute();
    for (const r of doc.references) {
      if (numberKey(r.number) === nKey) continue;
      const target = await docFor(r);
      await link(documentId, target.id, r.relation);
      // a document we do not hold yet: record what this text says it implements
      if (!target.held && r.implementsNumber && numberKey(r.implementsNumber) !== numberKey(r.number)) {
        const parent = await docFor({ number: r.implementsNumber });
        if (parent.id !== documentId) await link(target.id, parent.id, "implements");
      }
    }

    const result: ImportChanges = {
      created: !wasHeld,
      documentId,
      tasks: changes,
      targets: { before: targetsBefore, after: plan.targets.length },
      indicators: { before: indicatorsBefore, after: plan.indicators.length },
      figures,
      createdBodies,
      unresolvedBodies: [...new Set(plan.tasks.flatMap((t) => [...t.lead, ...t.support]))].filter(
        (b) => unitFor(b) === null && !setKindOf(b),
      ),
    };
    await recordAudit(trx, actor, {
      action: wasHeld ? "document.reimport" : "document.import",
      entity: "document",
      entityId: documentId,
      before: existing
        ? { number: existing.number, title: existing.title, tasks: before.length, version: existing.version }
        : undefined,
      after: { number: doc.number, title: doc.title, tasks: plan.tasks.length, changes: result.tasks },
    });
    return result;
  });
}
