/**
 * Pull and push against a DHIS2 server's /api/dataValueSets, in batches with progress: a pull reads the
 * instance's mapped org units a batch at a time and imports each answer through the DHIS2 import
 * (same checks, locks and audit as every way in); a push exports Lộ Trình's figures with the
 * instance's identifiers and sends them a batch at a time. Both return DHIS2's import summary added
 * up, and a push also what was left out (values DHIS2 cannot hold or that are not mapped).
 */
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { Actor } from "../../domain/roles.ts";
import { errors } from "../../errors.ts";
import { readDataValueSetJson } from "../../import/dhis2/readDataValueSet.ts";
import { type Dhis2Connection, type Dhis2ImportSummary, dhis2Client } from "./dhis2Client.ts";
import { chooseInstance } from "./dhis2Identifiers.ts";
import { exportDataValues } from "./exportDataValues.ts";
import { importDataValues } from "./importDataValues.ts";
import type { ImportStrategy, ImportSummary } from "./importSummary.ts";

export interface ExchangeOptions {
  instance?: string | null;
  /** DHIS2 or Lộ Trình period identifiers (DHIS2 needs at least one to answer a pull). */
  periods: string[];
  /** DHIS2 org unit UIDs; a pull defaults to every org unit mapped for the instance. */
  orgUnits?: string[];
  children?: boolean;
  /** A pull: DHIS2's data set and/or data elements (UIDs) asked for; a push: only these elements sent. */
  dataSet?: string | null;
  dataElements?: string[];
  batchSize?: number;
  dryRun?: boolean;
  importStrategy?: ImportStrategy;
  onProgress?: (done: number, total: number) => void;
}

const UID_SCHEMES = { dataElement: "UID", orgUnit: "UID", categoryOptionCombo: "UID" } as const;

async function instanceOf(db: Kysely<Database>, name?: string | null) {
  const instance = await chooseInstance(db, name);
  if (!instance)
    throw errors.validation(
      "Chưa chọn hệ thống DHIS2 (--instance) hoặc chưa nạp siêu dữ liệu DHIS2 nào: nạp siêu dữ liệu và ánh xạ trước.",
    );
  return instance;
}

export async function pushToDhis2(db: Kysely<Database>, conn: Dhis2Connection, o: ExchangeOptions) {
  const instance = await instanceOf(db, o.instance);
  const set = await exportDataValues(db, {
    periods: o.periods,
    orgUnits: o.orgUnits,
    children: o.children,
    instance: instance.name,
    idSchemes: UID_SCHEMES,
  });
  const only = o.dataElements?.length ? new Set(o.dataElements) : null;
  const values = only ? set.dataValues.filter((v) => only.has(v.dataElement)) : set.dataValues;
  const summary: Dhis2ImportSummary = await dhis2Client(conn).push(values, {
    dryRun: o.dryRun,
    importStrategy: o.importStrategy,
    batchSize: o.batchSize ?? 1000,
    onProgress: o.onProgress,
  });
  return { instance: instance.name, sent: values.length, leftOut: set.leftOut ?? null, summary };
}

function addUp(total: ImportSummary | null, next: ImportSummary, offset: number): ImportSummary {
  const shifted = next.conflicts.map((c) => ({ ...c, indexes: c.indexes.map((i) => i + offset) }));
  if (!total) return { ...next, conflicts: shifted };
  for (const k of ["imported", "updated", "ignored", "deleted"] as const)
    total.importCount[k] += next.importCount[k];
  for (const k of ["storedBy", "created", "lastUpdated", "followup"] as const) total.kept[k] += next.kept[k];
  total.conflicts.push(...shifted);
  const worst = ["SUCCESS", "WARNING", "ERROR"];
  if (worst.indexOf(next.status) > worst.indexOf(total.status)) total.status = next.status;
  total.description = `${total.importCount.imported} mới, ${total.importCount.updated} cập nhật, ${total.importCount.deleted} xóa, ${total.importCount.ignored} bỏ qua.`;
  return total;
}

export async function pullFromDhis2(
  db: Kysely<Database>,
  actor: Actor,
  conn: Dhis2Connection,
  o: ExchangeOptions,
) {
  const instance = await instanceOf(db, o.instance);
  if (o.periods.length === 0)
    throw errors.validation("Cần ít nhất một kỳ (--period) để lấy số liệu từ DHIS2.");
  const units =
    o.orgUnits ??
    (
      await db
        .selectFrom("dhis2_mapping")
        .select("uid")
        .where("instance_id", "=", instance.id)
        .where("kind", "=", "orgUnit")
        .where("org_unit_id", "is not", null)
        .orderBy("uid")
        .execute()
    ).map((m) => m.uid);
  const client = dhis2Client(conn);
  const size = Math.max(1, o.batchSize ?? 50);
  let total: ImportSummary | null = null;
  let received = 0;
  for (let start = 0; start < units.length; start += size) {
    const values = await client.pull({
      orgUnit: units.slice(start, start + size),
      period: o.periods,
      children: o.children,
      dataSet: o.dataSet ? [o.dataSet] : undefined,
      dataElement: o.dataElements?.length ? o.dataElements : undefined,
    });
    const payload = readDataValueSetJson({ dataValues: values });
    const summary = await importDataValues(db, actor, payload, {
      dryRun: o.dryRun ?? false,
      importStrategy: o.importStrategy ?? "CREATE_AND_UPDATE",
      atomicMode: "NONE",
      idSchemes: UID_SCHEMES,
      instance: instance.name,
    });
    total = addUp(total, summary, received);
    received += values.length;
    o.onProgress?.(Math.min(start + size, units.length), units.length);
  }
  return { instance: instance.name, orgUnits: units.length, received, summary: total };
}
