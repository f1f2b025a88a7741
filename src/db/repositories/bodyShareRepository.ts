import type { Kysely, Selectable } from "kysely";
import {
  AREA_KINDS,
  isSharedSet,
  memberKinds,
  membershipDate,
  parentFromShares,
  shareProgress,
} from "../../domain/bodySets.ts";
import { validOn } from "../../domain/orgUnits.ts";
import type { Scope } from "../../domain/policies/scope.ts";
import type { Database, TaskBodyTable } from "../schema.ts";
import { subtreeOf } from "./orgUnitRepository.ts";

/** The administrative area a unit stands for on `date`: itself, or its nearest area ancestor. */
async function areaOf(trx: Kysely<Database>, unitId: number, date: string): Promise<number | null> {
  const [units, links] = await Promise.all([
    trx.selectFrom("org_unit").select(["id", "kind"]).execute(),
    trx.selectFrom("org_unit_parent").selectAll().execute(),
  ]);
  const kindOf = new Map(units.map((u) => [u.id, u.kind]));
  const parentOf = new Map<number, number>();
  for (const l of links) if (validOn(l.valid_from, l.valid_to, date)) parentOf.set(l.child_id, l.parent_id);
  const seen = new Set<number>();
  for (let id: number | undefined = unitId; id !== undefined && !seen.has(id); id = parentOf.get(id)) {
    seen.add(id);
    if (AREA_KINDS.includes(kindOf.get(id) ?? "")) return id;
  }
  return null;
}

/**
 * The members of a set within an area as the map stood on `date`. When the map holds none (no villages
 * are mapped; a commune without schools on the map), the area itself answers for its set: the commune
 * carries "Trưởng các bản" rather than nobody.
 */
export async function membersOf(
  trx: Kysely<Database>,
  setKind: "communes" | "schools" | "villages",
  areaId: number,
  date: string,
): Promise<number[]> {
  const below = await subtreeOf(trx, areaId, date);
  below.delete(areaId);
  const kinds = memberKinds(setKind);
  if (below.size > 0 && kinds.length > 0) {
    const rows = await trx
      .selectFrom("org_unit")
      .select(["id", "valid_from", "valid_to"])
      .where("id", "in", [...below])
      .where("kind", "in", kinds)
      .orderBy("full_name")
      .execute();
    const ids = rows.filter((r) => validOn(r.valid_from, r.valid_to, date)).map((r) => r.id);
    if (ids.length > 0) return ids;
  }
  return setKind === "communes" ? [] : [areaId];
}

/** Recomputes a parent occurrence from its shares (domain/bodySets.ts); bumps its version on change. */
export async function syncParentFromShares(trx: Kysely<Database>, parentId: number): Promise<void> {
  const shares = await trx
    .selectFrom("task_occurrence")
    .select(["state", "percent", "completed_on", "confirmed_on"])
    .where("share_of", "=", parentId)
    .execute();
  // the parent is confirmed done on the day its last share was
  const confirmed = shares.map((s) => s.confirmed_on).filter((d): d is string => d !== null);

  const derived = parentFromShares(
    shares.map((s) => ({ state: s.state, percent: s.percent, completedOn: s.completed_on })),
  );
  if (!derived) return;
  const confirmedOn =
    derived.state === "done" && confirmed.length === shares.length ? (confirmed.sort().at(-1) ?? null) : null;
  await trx
    .updateTable("task_occurrence")
    .set((eb) => ({
      state: derived.state,
      percent: derived.percent,
      completed_on: derived.completedOn,
      confirmed_on: confirmedOn,
      version: eb("version", "+", 1),
      updated_at: new Date(),
    }))
    .where("id", "=", parentId)
    .where((eb) =>
      eb.or([
        eb("state", "<>", derived.state),
        eb("percent", "<>", derived.percent),
        eb("completed_on", "is distinct from", derived.completedOn),
        eb("confirmed_on", "is distinct from", confirmedOn),
      ]),
    )
    .execute();
}

/**
 * Shares out every occurrence of a document's tasks led by a set (communes, schools, villages) to the
 * set's members on the plan's date, inside the issuer's area. Idempotent: re-import adds what is
 * missing, and a share keeps its own deadline once extended; otherwise it follows its parent's.
 */
export async function shareOutDocument(trx: Kysely<Database>, documentId: number, today: string) {
  const doc = await trx
    .selectFrom("document")
    .select(["issued_on", "date_text", "period_from", "issuer_unit_id"])
    .where("id", "=", documentId)
    .executeTakeFirstOrThrow();
  const date = membershipDate(
    { issuedOn: doc.issued_on, dateText: doc.date_text, periodFrom: doc.period_from },
    today,
  );
  const province = await trx
    .selectFrom("org_unit")
    .select("id")
    .where("kind", "=", "province")
    .executeTakeFirst();
  const area =
    (doc.issuer_unit_id !== null ? await areaOf(trx, doc.issuer_unit_id, date) : null) ?? province?.id;
  if (area === undefined) return;
  const sets = await trx
    .selectFrom("task_body as b")
    .innerJoin("plan_task as t", "t.id", "b.task_id")
    .select(["b.task_id", "b.set_kind"])
    .where("t.document_id", "=", documentId)
    .where("b.role", "=", "lead")
    .where("b.unit_id", "is", null)
    .where("b.set_kind", "in", ["communes", "schools", "villages"])
    .execute();
  const membersByKind = new Map<string, number[]>();
  for (const s of sets) {
    if (!isSharedSet(s.set_kind)) continue;
    if (!membersByKind.has(s.set_kind))
      membersByKind.set(s.set_kind, await membersOf(trx, s.set_kind, area, date));
    await shareOutTask(trx, s.task_id, membersByKind.get(s.set_kind) ?? []);
  }
}

async function shareOutTask(trx: Kysely<Database>, taskId: number, members: number[]) {
  if (members.length === 0) return;
  const all = await trx.selectFrom("task_occurrence").selectAll().where("task_id", "=", taskId).execute();
  for (const parent of all.filter((o) => o.share_of === null)) {
    const shares = all.filter((o) => o.share_of === parent.id);
    const have = new Set(shares.map((s) => s.share_unit_id));
    const missing = members.filter((m) => !have.has(m));
    if (missing.length > 0)
      await trx
        .insertInto("task_occurrence")
        .values(
          missing.map((unitId) => ({
            task_id: taskId,
            label: parent.label,
            kind: parent.kind,
            period_year: parent.period_year,
            due_on: parent.due_on,
            share_of: parent.id,
            share_unit_id: unitId,
          })),
        )
        .execute();
    for (const s of shares) {
      if (s.original_due_on === null && s.due_on !== parent.due_on)
        await trx
          .updateTable("task_occurrence")
          .set({ due_on: parent.due_on, kind: parent.kind, version: s.version + 1, updated_at: new Date() })
          .where("id", "=", s.id)
          .execute();
    }
    await syncParentFromShares(trx, parent.id);
  }
}

/** "x/38 xong" for each parent among `ids`. */
export async function shareProgressOf(db: Kysely<Database>, ids: number[]) {
  const out = new Map<number, { done: number; total: number }>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("task_occurrence")
    .select(["share_of", "state"])
    .where("share_of", "in", ids)
    .execute();
  const byParent = new Map<number, { state: (typeof rows)[number]["state"] }[]>();
  for (const r of rows)
    byParent.set(r.share_of as number, [...(byParent.get(r.share_of as number) ?? []), r]);
  for (const [id, list] of byParent) out.set(id, shareProgress(list));
  return out;
}

/** Whether an occurrence is a parent that has been shared out (its own actions go through its shares). */
export async function hasShares(trx: Kysely<Database>, id: number): Promise<boolean> {
  const row = await trx
    .selectFrom("task_occurrence")
    .select("id")
    .where("share_of", "=", id)
    .executeTakeFirst();
  return row !== undefined;
}

/** The shares of a parent with their members' names, for the task page and the chase. */
export function sharesOf(db: Kysely<Database>, parentId: number) {
  return db
    .selectFrom("task_occurrence as o")
    .innerJoin("org_unit as u", "u.id", "o.share_unit_id")
    .select([
      "o.id",
      "o.state",
      "o.percent",
      "o.due_on",
      "o.completed_on",
      "o.version",
      "u.id as unit_id",
      "u.full_name as unit_name",
      "u.valid_to as unit_valid_to",
    ])
    .where("o.share_of", "=", parentId)
    .orderBy("u.full_name")
    .execute();
}

/**
 * The bodies that answer for an occurrence: a task's own bodies, except that a share is led by its
 * member (the set it came from is no longer a lead there). Same shape as the task's body rows.
 */
export async function bodiesOfOccurrence(
  db: Kysely<Database>,
  occ: { task_id: number; share_unit_id: number | null },
) {
  const bodies = await db
    .selectFrom("task_body")
    .selectAll()
    .where("task_id", "=", occ.task_id)
    .orderBy("role")
    .orderBy("position")
    .execute();
  if (occ.share_unit_id === null) return bodies;
  const unit = await db
    .selectFrom("org_unit")
    .select(["id", "full_name"])
    .where("id", "=", occ.share_unit_id)
    .executeTakeFirstOrThrow();
  return answeringBodies(bodies, { ...occ, share_unit_name: unit.full_name });
}

/**
 * The same from bodies already read (in order of role and position) and, for a share, its member's
 * name: the member leads, the set it was shared from does not.
 */
export function answeringBodies<B extends Selectable<TaskBodyTable>>(
  bodies: B[],
  occ: { task_id: number; share_unit_id: number | null; share_unit_name: string | null },
): (B | Selectable<TaskBodyTable>)[] {
  if (occ.share_unit_id === null) return bodies;
  const member = {
    id: 0,
    task_id: occ.task_id,
    role: "lead" as const,
    text: occ.share_unit_name ?? "",
    unit_id: occ.share_unit_id,
    set_kind: null,
    position: 0,
  };
  return [
    member,
    ...bodies.filter((b) => !(b.role === "lead" && b.unit_id === null && isSharedSet(b.set_kind))),
  ];
}

/**
 * Whom a chase of an occurrence reaches: its lead bodies; for a share, its member; for a parent that
 * was shared out, every member whose share is still open (one chase of the set chases each of them).
 * `bodies` are the occurrence's answering bodies (answeringBodies) when already read.
 */
export async function chaseUnits(
  db: Kysely<Database>,
  occ: { id: number; task_id: number; share_unit_id: number | null; has_shares?: boolean },
  bodies?: Selectable<TaskBodyTable>[],
): Promise<{ id: number; name: string }[]> {
  // a share has no shares of its own: only a parent that was shared out asks for its open ones
  const open =
    occ.has_shares === false
      ? []
      : await db
          .selectFrom("task_occurrence as o")
          .innerJoin("org_unit as u", "u.id", "o.share_unit_id")
          .select(["u.id", "u.full_name as name"])
          .where("o.share_of", "=", occ.id)
          .where("o.state", "<>", "done")
          .orderBy("u.full_name")
          .execute();
  if (open.length > 0) return open;
  const leads = (bodies ?? (await bodiesOfOccurrence(db, occ))).filter(
    (b) => b.role === "lead" && b.unit_id !== null,
  );
  return leads.map((b) => ({ id: b.unit_id as number, name: b.text }));
}

/**
 * A task's bodies as one viewer sees them: its own, plus — for a set-led task — the members in the
 * viewer's scope that hold a share, as leads (an officer of a commune leads its own share).
 */
export async function bodiesForTaskView(db: Kysely<Database>, taskId: number, viewer: Scope) {
  const scope = viewer.kind === "all" ? null : new Set(viewer.ids);
  const bodies = await db
    .selectFrom("task_body")
    .selectAll()
    .where("task_id", "=", taskId)
    .orderBy("role")
    .orderBy("position")
    .execute();
  if (scope === null || scope.size === 0) return bodies;
  const members = await db
    .selectFrom("task_occurrence as o")
    .innerJoin("org_unit as u", "u.id", "o.share_unit_id")
    .select(["u.id", "u.full_name"])
    .distinct()
    .where("o.task_id", "=", taskId)
    .where("o.share_unit_id", "in", [...scope])
    .execute();
  return [
    ...members.map((m) => ({
      id: 0,
      task_id: taskId,
      role: "lead" as const,
      text: m.full_name,
      unit_id: m.id,
      set_kind: null,
      position: 0,
    })),
    ...bodies,
  ];
}

/**
 * A task's occurrences for one viewer: its own (a set-led one with "x/n xong"), and the members' shares
 * — all of them for the province's roles, only those of units in an officer's scope.
 */
export async function visibleOccurrences(db: Kysely<Database>, taskId: number, viewer: Scope) {
  const scope = viewer.kind === "all" ? null : new Set(viewer.ids);
  let q = db
    .selectFrom("task_occurrence as o")
    .leftJoin("org_unit as su", "su.id", "o.share_unit_id")
    .selectAll("o")
    .select(["su.full_name as share_unit_name", "su.valid_to as share_unit_valid_to"])
    .where("o.task_id", "=", taskId);
  if (scope !== null)
    q = q.where((eb) => eb.or([eb("o.share_of", "is", null), eb("o.share_unit_id", "in", [...scope, -1])]));
  const rows = await q
    .orderBy("o.due_on")
    .orderBy("o.share_of", "desc")
    .orderBy("su.full_name")
    .orderBy("o.id")
    .execute();
  const progress = await shareProgressOf(
    db,
    rows.filter((r) => r.share_of === null).map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, shares: progress.get(r.id) ?? null }));
}
