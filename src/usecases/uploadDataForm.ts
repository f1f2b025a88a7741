import type { Kysely } from "kysely";
import { categoriesByElement } from "../db/repositories/formRepository.ts";
import type { Database } from "../db/schema.ts";
import { formatViNumber } from "../domain/numbers.ts";
import type { Actor } from "../domain/roles.ts";
import { AppError } from "../errors.ts";
import { readFormXlsx } from "../reports/formTemplate.ts";
import { getDataForm } from "./getDataForm.ts";
import { saveDataForm } from "./saveDataForm.ts";

const show = (v: number | null) => (v === null ? "trống" : formatViNumber(v));

/** Every field code of the catalog ("element" or "element/option") → its element and category. */
async function catalogFields(db: Kysely<Database>) {
  const [elements, indicators] = await Promise.all([
    db.selectFrom("data_element").select(["id", "code"]).execute(),
    db
      .selectFrom("indicator")
      .select(["numerator_id", "denominator_id", "element_id", "breakdowns"])
      .execute(),
  ]);
  const categories = categoriesByElement(indicators);
  const byCode = new Map<string, { elementId: number; category: string }>();
  for (const e of elements)
    for (const category of ["", ...(categories.get(e.id) ?? [])])
      byCode.set(category ? `${e.code}/${category}` : e.code, { elementId: e.id, category });
  return byCode;
}

/**
 * An XLSX template filled offline comes back: it must be this unit's and this period's, made from the
 * form's current version — a template downloaded before someone else saved would overwrite their
 * figures, so it is refused (TEMPLATE_STALE) with what changed since. Then the ordinary form save.
 */
export async function uploadDataForm(
  db: Kysely<Database>,
  actor: Actor,
  unitId: number,
  periodId: number,
  file: Buffer,
) {
  const { rows, meta } = await readFormXlsx(file);
  if (!meta)
    throw new AppError(
      "BAD_INPUT_FILE",
      "Tệp không mang số phiên bản của biểu — hãy tải biểu mẫu mới từ Lộ Trình rồi điền lại.",
    );
  if (meta.unitId !== unitId || meta.periodId !== periodId)
    throw new AppError("BAD_INPUT_FILE", "Tệp này là biểu của đơn vị hoặc kỳ báo cáo khác.");
  const form = await getDataForm(db, unitId, periodId);
  if (meta.version !== form.status.version) {
    const changed = form.fields
      .filter((f) => meta.values.has(f.code) && (meta.values.get(f.code) ?? null) !== f.value)
      .map((f) => ({ code: f.code, name: f.name, template: meta.values.get(f.code) ?? null, now: f.value }));
    const listed = changed
      .slice(0, 10)
      .map((c) => `${c.name}: ${show(c.template)} → ${show(c.now)}`)
      .join("; ");
    throw new AppError(
      "TEMPLATE_STALE",
      `Biểu đã được lưu lại sau khi tải tệp này (phiên bản ${meta.version} → ${form.status.version})` +
        (changed.length ? `; đã đổi: ${listed}${changed.length > 10 ? "; …" : ""}` : "") +
        ". Hãy tải biểu mẫu mới; không có gì được lưu.",
      { templateVersion: meta.version, currentVersion: form.status.version, changed },
    );
  }
  // codes are read against the whole catalog: one that is not on this unit's form (another level, another
  // kind of unit) goes on to the writer, which refuses it with the same rule as every other way in
  const byCode = await catalogFields(db);
  const unknown = rows.filter((r) => !byCode.has(r.code));
  if (unknown.length) {
    throw new AppError(
      "VALIDATION_FAILED",
      `${unknown.map((u) => `dòng ${u.row}: mã «${u.code}» không thuộc biểu này`).join("; ")}. Không có gì được lưu.`,
      { rows: unknown.map((u) => ({ row: u.row, message: "mã không thuộc biểu" })) },
    );
  }
  return saveDataForm(
    db,
    actor,
    unitId,
    periodId,
    {
      version: meta.version,
      values: rows.map((r) => ({
        elementId: byCode.get(r.code)?.elementId as number,
        category: byCode.get(r.code)?.category ?? "",
        value: r.value,
        comment: r.comment,
      })),
    },
    { action: "figures.upload", positions: rows.map((r) => `dòng ${r.row}`) },
  );
}
