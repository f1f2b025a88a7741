import type { Kysely } from "kysely";
import type { Actor } from "../../domain/roles.ts";
import type { Database } from "../schema.ts";

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row; call it inside the transaction that makes the change. */
export async function recordAudit(trx: Kysely<Database>, actor: Actor, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId == null ? null : String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** Many audit rows of one actor in as few statements as possible (a bulk import's per-form rows). */
export async function recordAudits(
  trx: Kysely<Database>,
  actor: Actor,
  entries: AuditEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await trx
      .insertInto("audit_log")
      .values(
        entries.slice(i, i + 1000).map((entry) => ({
          actor_id: actor.id,
          actor_name: actor.name,
          action: entry.action,
          entity: entry.entity,
          entity_id: entry.entityId == null ? null : String(entry.entityId),
          before: entry.before === undefined ? null : JSON.stringify(entry.before),
          after: entry.after === undefined ? null : JSON.stringify(entry.after),
        })),
      )
      .execute();
  }
}

export interface AuditFilter {
  entity?: string;
  action?: string;
  actorId?: number;
  entityId?: string;
  from?: string;
  to?: string;
  text?: string;
  limit: number;
  offset: number;
}

export async function findAudit(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom("audit_log");
  if (f.entity) q = q.where("entity", "=", f.entity);
  if (f.action) q = q.where("action", "=", f.action);
  if (f.actorId) q = q.where("actor_id", "=", f.actorId);
  if (f.entityId) q = q.where("entity_id", "=", f.entityId);
  if (f.from) q = q.where("at", ">=", new Date(`${f.from}T00:00:00`));
  if (f.to) q = q.where("at", "<", new Date(new Date(`${f.to}T00:00:00`).getTime() + 86_400_000));
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb("actor_name", "ilike", like), eb("action", "ilike", like)]));
  }
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy("id", "desc").limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
