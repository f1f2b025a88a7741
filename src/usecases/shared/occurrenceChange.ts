import type { Insertable, Kysely, Updateable } from "kysely";
import { recordAudit } from "../../db/repositories/auditRepository.ts";
import { applyOccurrenceChange } from "../../db/repositories/occurrenceRepository.ts";
import type { Database, OccurrenceUpdateTable, TaskOccurrenceTable } from "../../db/schema.ts";
import { expectOneReturned } from "../../db/versioned.ts";
import type { Actor } from "../../domain/roles.ts";
import type { OccurrenceState } from "../../domain/status.ts";
import { type OccurrenceAction, type Relation, transition } from "../../domain/transitions.ts";
import { errors } from "../../errors.ts";
import { type IdempotencyKey, idempotentTransaction } from "./idempotent.ts";
import { assertNotSharedOut, syncParentFromShares } from "./shareRules.ts";

export type OccurrenceRow = Awaited<ReturnType<typeof readOccurrence>>;

async function readOccurrence(trx: Kysely<Database>, id: number) {
  const row = await trx.selectFrom("task_occurrence").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw errors.notFound("nhiệm vụ cần báo cáo");
  return row;
}

/** The transition table's answer for this caller and this occurrence, as an error when refused. */
export function assertTransition(
  action: OccurrenceAction,
  by: Relation,
  current: { state: OccurrenceState; resume_state: OccurrenceState | null },
): OccurrenceState {
  const res = transition(action, by, { state: current.state, resumeState: current.resume_state });
  if (res.ok) return res.to;
  throw res.reason === "forbidden" ? errors.forbidden(res.message) : errors.validation(res.message);
}

export interface ChangeRequest {
  action: OccurrenceAction;
  /** Who the caller is to this occurrence (policies/task.relationTo). */
  by: Relation;
  /** The version the person saw. */
  version: number;
  /** Today in Vietnam, from the injected clock: the day the change is dated. */
  today: string;
  /** The device's key for this send: a repeated send gets the first answer (shared/idempotent.ts). */
  idempotency?: IdempotencyKey | null;
  /**
   * The occurrence as the caller read it for authorization (and whether it was shared out), so it is
   * not read again: the update applies only at `version`, and every write of an occurrence moves its
   * version, so a row that changed since is refused (409) as it would be after a read here.
   */
  current?: OccurrenceRow & { has_shares?: boolean };
}

/**
 * One change to an occurrence, in one transaction: asks the transition table whether this caller may
 * take this action from the current state (and what state follows), checks the version the person saw
 * (a stale one is refused, never overwritten), applies the patch, writes the dated timeline entry with
 * the states it moved between, and the audit row.
 */
export async function changeOccurrence(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  request: ChangeRequest,
  build: (
    current: OccurrenceRow,
    next: OccurrenceState,
  ) => {
    patch: Omit<Updateable<TaskOccurrenceTable>, "state" | "resume_state">;
    entry: Omit<
      Insertable<OccurrenceUpdateTable>,
      | "occurrence_id"
      | "author_id"
      | "author_name"
      | "author_unit_id"
      | "on_date"
      | "state_before"
      | "state_after"
    >;
    audit: string;
  },
  after?: (trx: Kysely<Database>, updateId: number, current: OccurrenceRow) => Promise<unknown>,
) {
  const { action, by, version, today } = request;
  return idempotentTransaction(db, request.idempotency ?? null, async (trx) => {
    // as the route read it (its version is checked by the update below), else read here
    const current = request.current ?? (await readOccurrence(trx, id));
    // who may act comes first (403), then whether they saw the latest version (409), then the state
    const allowed = transition(action, by, { state: current.state, resumeState: current.resume_state });
    if (!allowed.ok && allowed.reason === "forbidden") throw errors.forbidden(allowed.message);
    if (current.version !== version) throw errors.conflict("Nhiệm vụ này");
    await assertNotSharedOut(trx, current);
    const next = assertTransition(action, by, current);
    const { patch, entry, audit } = build(current, next);
    const resumeState = next === "paused" ? current.state : null;
    const { changed, updateId } = await applyOccurrenceChange(
      trx,
      id,
      version,
      { ...patch, state: next, resume_state: resumeState },
      {
        ...entry,
        occurrence_id: id,
        author_id: actor.id,
        author_name: actor.name,
        author_unit_id: actor.orgUnitId,
        on_date: today,
        state_before: current.state,
        state_after: next,
      },
    );
    const saved = expectOneReturned(changed, "Nhiệm vụ này");
    if (after) await after(trx, updateId, current);
    // a share's own row is not touched by its parent's sync: `saved` stays what it is
    if (current.share_of !== null) await syncParentFromShares(trx, current.share_of);
    await recordAudit(trx, actor, {
      action: audit,
      entity: "task_occurrence",
      entityId: id,
      before: {
        state: current.state,
        percent: current.percent,
        due_on: current.due_on,
        version: current.version,
      },
      after: {
        state: saved.state,
        percent: saved.percent,
        due_on: saved.due_on,
        version: saved.version,
        text: entry.text,
      },
    });
    return { occurrence: saved, updateId };
  });
}
