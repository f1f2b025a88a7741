import type { Kysely } from "kysely";
import { bodiesOfTasks, getDocumentById, tasksOfDocument } from "../db/repositories/documentRepository.ts";
import type { Database } from "../db/schema.ts";
import type { Timeframe } from "../domain/timeframe.ts";
import { errors } from "../errors.ts";

type Warning = { code: string; message: string; where: string };

/** One document with everything read from it: tasks (with bodies), targets, indicator rows, links. */
export async function getPlanDocument(db: Kysely<Database>, id: number) {
  const doc = await getDocumentById(db, id);
  if (!doc) throw errors.notFound("văn bản");
  const [tasks, targets, indicators, outgoing, incoming] = await Promise.all([
    tasksOfDocument(db, id),
    db.selectFrom("plan_target").selectAll().where("document_id", "=", id).orderBy("position").execute(),
    db.selectFrom("indicator_row").selectAll().where("document_id", "=", id).orderBy("position").execute(),
    db
      .selectFrom("document_link as l")
      .innerJoin("document as d", "d.id", "l.to_id")
      .select(["d.id", "d.number", "d.title", "d.held", "d.doc_type", "l.relation"])
      .where("l.from_id", "=", id)
      .execute(),
    db
      .selectFrom("document_link as l")
      .innerJoin("document as d", "d.id", "l.from_id")
      .select(["d.id", "d.number", "d.title", "d.held", "d.doc_type", "l.relation"])
      .where("l.to_id", "=", id)
      .execute(),
  ]);
  const bodies = await bodiesOfTasks(
    db,
    tasks.map((t) => t.id),
  );
  const { source_text, ...meta } = doc;
  // JSON columns typed as what the importer writes into them; the search key stays on the server
  return {
    document: { ...meta, warnings: meta.warnings as Warning[] | null, hasSource: source_text !== null },
    tasks: tasks.map(({ search_key: _key, ...t }) => ({
      ...t,
      timeframe: t.timeframe as Timeframe,
      bodies: bodies.filter((b) => b.task_id === t.id),
    })),
    targets: targets.map((t) => ({
      ...t,
      places: t.places as string[] | null,
      value: t.value === null ? null : Number(t.value),
    })),
    indicators: indicators.map((i) => ({ ...i, values: i.values as Record<string, number | null> })),
    references: outgoing,
    implementedBy: incoming,
  };
}
