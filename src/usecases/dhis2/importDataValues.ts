/**
 * A DHIS2 data value set imported the way DHIS2 imports one (dryRun, importStrategy, atomicMode, id
 * schemes, an ImportSummary with conflicts), through Lộ Trình's one figures writer
 * (shared/writeFigures.ts): the form's checks, the locks of submitted and approved forms and the
 * per-form audit of every value before → after. atomicMode ALL: any conflict and nothing is written.
 * NONE: the values the writer refuses are taken out with their conflict and the rest written — the
 * writer names the row of each problem; a problem it cannot place refuses that form's rows only.
 */
import { type Kysely, sql } from "kysely";
import { recordAudit } from "../../db/repositories/auditRepository.ts";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../../domain/roles.ts";
import { AppError } from "../../errors.ts";
import type { Dhis2Payload } from "../../import/dhis2/readDataValueSet.ts";
import { type RowProblem, writeFigures } from "../shared/writeFigures.ts";
import { loadDhis2Dictionary } from "./dhis2Identifiers.ts";
import {
  type ConflictKind,
  conflictList,
  type ImportOptions,
  type ImportSummary,
  statusOf,
} from "./importSummary.ts";
import { type Candidate, resolveRows } from "./resolveRows.ts";

type Conflicts = ReturnType<typeof conflictList>;

class Rollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super("rollback");
  }
}

/** The writer's refusal as row problems, or rethrown when it is not a refusal of the values. */
function problemsOf(e: unknown): { rows: RowProblem[]; message: string } {
  if (e instanceof AppError && (e.code === "VALIDATION_FAILED" || e.code === "FORM_LOCKED")) {
    const details = (e.details ?? {}) as { rows?: RowProblem[] };
    return { rows: details.rows ?? [], message: e.message };
  }
  throw e;
}

function kindOf(message: string): ConflictKind {
  if (/đã được duyệt và khóa/.test(message)) return "approved";
  if (/đang chờ duyệt/.test(message)) return "submitted";
  return "check";
}

const positionOf = (c: Candidate) => `dòng ${c.index + 1}`;

/**
 * Writes the candidates; what the writer refuses becomes conflicts and is retried without. `isolate`:
 * a refusal the writer cannot place on a row is narrowed down form by form.
 */
async function writeWhatPasses(
  db: Kysely<Database>,
  actor: Actor,
  rows: Candidate[],
  conflicts: Conflicts,
  isolate: boolean,
  touched: Set<string>,
): Promise<Candidate[]> {
  let pending = rows;
  while (pending.length > 0) {
    try {
      const result = await writeFigures(
        db,
        actor,
        pending.map((c) => ({
          unitId: c.unitId,
          periodId: c.periodId,
          elementId: c.elementId,
          category: c.category,
          value: c.value,
          comment: c.row.comment === "" ? null : c.row.comment,
          position: positionOf(c),
        })),
        { action: "figures.import" },
      );
      for (const form of result.forms)
        for (const w of form.writes)
          touched.add(valueKey(w.element_id, w.period_id, w.org_unit_id, w.category));
      return pending;
    } catch (e) {
      const refused = problemsOf(e);
      const byPosition = new Map(pending.map((c) => [positionOf(c), c]));
      const failed = new Set<Candidate>();
      for (const p of refused.rows) {
        const c = p.position ? byPosition.get(p.position) : undefined;
        if (!c) continue;
        failed.add(c);
        conflicts.add(kindOf(p.message), c.row.dataElement, c.index, p.message);
      }
      if (failed.size === 0) {
        if (!isolate) {
          for (const c of pending)
            conflicts.add(kindOf(refused.message), c.row.dataElement, c.index, refused.message);
          return [];
        }
        const forms = new Map<string, Candidate[]>();
        for (const c of pending) {
          const k = `${c.unitId}|${c.periodId}`;
          const form = forms.get(k);
          if (form) form.push(c);
          else forms.set(k, [c]);
        }
        const written: Candidate[] = [];
        for (const form of forms.values())
          written.push(...(await writeWhatPasses(db, actor, form, conflicts, false, touched)));
        return written;
      }
      pending = pending.filter((c) => !failed.has(c));
    }
  }
  return [];
}

const hasMeta = (c: Candidate) =>
  c.action !== "deleted" &&
  (c.row.storedBy !== null ||
    c.row.created !== null ||
    c.row.lastUpdated !== null ||
    c.row.followup === true);

const valueKey = (e: number, p: number, u: number, c: string) => `${e}|${p}|${u}|${c}`;
const keyOf = (c: Candidate) => valueKey(c.elementId, c.periodId, c.unitId, c.category);

/**
 * storedBy, created, lastUpdated, followup of the values written, kept beside them (the last row of a
 * value wins); a value written without any (or deleted) loses what an earlier import kept. `touched`:
 * the values the writer stored anew, whose kept row is rewritten to be newer than them; for a value
 * left as it was, the kept row is rewritten only when what DHIS2 sent differs.
 */
async function keepMeta(db: Kysely<Database>, written: Candidate[], touched: Set<string>) {
  const latest = new Map<string, Candidate>();
  for (const c of written) latest.set(keyOf(c), c);
  const all = [...latest.values()];
  for (let i = 0; i < all.length; i += 20_000) {
    const part = all.slice(i, i + 20_000);
    const gone = part.filter((c) => !hasMeta(c));
    if (gone.length > 0) {
      const g = <T>(f: (c: Candidate) => T) => gone.map(f);
      await sql`delete from dhis2_value_meta m
        using unnest(${g((c) => c.elementId)}::integer[], ${g((c) => c.periodId)}::integer[],
                     ${g((c) => c.unitId)}::integer[], ${g((c) => c.category)}::text[]) as t(e, p, u, c)
        where m.element_id = t.e and m.period_id = t.p and m.org_unit_id = t.u and m.category = t.c`.execute(
        db,
      );
    }
    const kept = part.filter(hasMeta);
    await upsertMeta(
      db,
      kept.filter((c) => touched.has(keyOf(c))),
      true,
    );
    await upsertMeta(
      db,
      kept.filter((c) => !touched.has(keyOf(c))),
      false,
    );
  }
}

async function upsertMeta(db: Kysely<Database>, kept: Candidate[], always: boolean) {
  if (kept.length === 0) return;
  const k = <T>(f: (c: Candidate) => T) => kept.map(f);
  const changed = always
    ? sql``
    : sql`where (m.stored_by, m.created, m.last_updated, m.followup)
                is distinct from (excluded.stored_by, excluded.created, excluded.last_updated, excluded.followup)`;
  await sql`insert into dhis2_value_meta as m (element_id, period_id, org_unit_id, category, stored_by, created, last_updated, followup)
      select * from unnest(${k((c) => c.elementId)}::integer[], ${k((c) => c.periodId)}::integer[],
                           ${k((c) => c.unitId)}::integer[], ${k((c) => c.category)}::text[],
                           ${k((c) => c.row.storedBy)}::text[], ${k((c) => c.row.created)}::text[],
                           ${k((c) => c.row.lastUpdated)}::text[], ${k((c) => c.row.followup === true)}::boolean[])
      on conflict (element_id, period_id, org_unit_id, category) do update
        set stored_by = excluded.stored_by, created = excluded.created, last_updated = excluded.last_updated,
            followup = excluded.followup, written_at = now()
      ${changed}`.execute(db);
}

function summaryOf(
  opts: ImportOptions,
  instance: string | null,
  total: number,
  written: Candidate[],
  conflicts: Conflicts,
): ImportSummary {
  const count = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
  for (const c of written) count[c.action]++;
  count.ignored = total - count.imported - count.updated - count.deleted;
  const kept = { storedBy: 0, created: 0, lastUpdated: 0, followup: 0 };
  for (const c of written) {
    if (!hasMeta(c)) continue;
    if (c.row.storedBy !== null) kept.storedBy++;
    if (c.row.created !== null) kept.created++;
    if (c.row.lastUpdated !== null) kept.lastUpdated++;
    if (c.row.followup === true) kept.followup++;
  }
  const status = statusOf(count, conflicts.size);
  return {
    responseType: "ImportSummary",
    status,
    description:
      status === "SUCCESS"
        ? `Đã nhập: ${count.imported} mới, ${count.updated} cập nhật, ${count.deleted} xóa, ${count.ignored} bỏ qua.`
        : `${conflicts.list.reduce((n, c) => n + c.indexes.length, 0)} giá trị bị từ chối (xem conflicts)${opts.atomicMode === "ALL" ? "; atomicMode=ALL: không có gì được lưu" : ""}.`,
    importOptions: {
      dryRun: opts.dryRun,
      importStrategy: opts.importStrategy,
      atomicMode: opts.atomicMode,
      idSchemes: opts.idSchemes,
      instance,
    },
    importCount: count,
    conflicts: conflicts.list,
    kept,
    dataSetComplete: "false",
  };
}

export async function importDataValues(
  db: Kysely<Database>,
  actor: Actor,
  payload: Dhis2Payload,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const dict = await loadDhis2Dictionary(db, opts.instance);
  const instance = dict.instance?.name ?? null;
  const total = payload.rows.length;
  try {
    return await db.transaction().execute(async (trx) => {
      const conflicts = conflictList();
      const candidates = await resolveRows(trx, payload.rows, {
        dict,
        schemes: opts.idSchemes,
        strategy: opts.importStrategy,
        conflicts,
      });
      if (opts.atomicMode === "ALL" && conflicts.size > 0)
        throw new Rollback(summaryOf(opts, instance, total, [], conflicts));
      const touched = new Set<string>();
      const written = await writeWhatPasses(
        trx,
        actor,
        candidates,
        conflicts,
        opts.atomicMode === "NONE",
        touched,
      );
      if (opts.atomicMode === "ALL" && conflicts.size > 0)
        throw new Rollback(summaryOf(opts, instance, total, [], conflicts));
      await keepMeta(trx, written, touched);
      const summary = summaryOf(opts, instance, total, written, conflicts);
      await recordAudit(trx, actor, {
        action: "figures.import",
        entity: "data_value",
        after: {
          format: `dhis2-${payload.format}`,
          rows: total,
          ...summary.importCount,
          options: summary.importOptions,
        },
      });
      if (opts.dryRun) throw new Rollback(summary);
      return summary;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.summary;
    throw e;
  }
}
