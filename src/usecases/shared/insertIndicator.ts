import type { Kysely } from "kysely";
import { recordAudit } from "../../db/repositories/auditRepository.ts";
import type { Database } from "../../db/schema.ts";
import { EDUCATION_LEVELS, type EducationLevel } from "../../domain/educationLevels.ts";
import type { Actor } from "../../domain/roles.ts";
import { errors } from "../../errors.ts";
import { elementCode } from "../loadIndicatorCatalog.ts";
import { fillElementLevels } from "./elementLevels.ts";

/** An indicator as the catalog stores it, checked by the caller (saveIndicator's IndicatorInput). */
export interface IndicatorValues {
  code: string;
  name: string;
  definition: string;
  unit: string;
  type: "rate" | "count" | "units_meeting" | "yes_no";
  direction: "higher" | "lower";
  level: "commune" | "school";
  multiplier: number;
  gross: boolean;
  numerator?: string | undefined;
  denominator?: string | undefined;
  element?: string | undefined;
  breakdowns: ("education_level" | "sex" | "ethnic_minority")[];
  valueKind: "count" | "decimal";
  minValue: number;
  maxValue: number;
  /** Left out: the catalog's default, read from the names (shared/elementLevels.ts). */
  educationLevels?: EducationLevel[] | undefined;
}

/** The row values of an indicator, its data elements made as needed and their kinds and levels set. */
export async function indicatorRow(trx: Kysely<Database>, input: IndicatorValues) {
  const element = async (name: string | undefined) => {
    if (!name) return null;
    const code = elementCode(name);
    const found = await trx
      .selectFrom("data_element")
      .select("id")
      .where("code", "=", code)
      .executeTakeFirst();
    if (found) return found.id;
    return (
      await trx
        .insertInto("data_element")
        .values({ code, name, level: input.level })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  };
  const values = {
    code: input.code,
    name: input.name,
    definition: input.definition,
    unit: input.unit,
    type: input.type,
    direction: input.direction,
    level: input.level,
    multiplier: input.multiplier,
    gross: input.gross,
    numerator_id: input.type === "rate" ? await element(input.numerator) : null,
    denominator_id: input.type === "rate" ? await element(input.denominator) : null,
    element_id: input.type === "rate" ? null : await element(input.element),
    breakdowns: JSON.stringify(input.breakdowns),
  };
  const yesNo = input.type === "yes_no" || input.type === "units_meeting";
  const elementIds = [values.numerator_id, values.denominator_id, values.element_id].filter(
    (x): x is number => x !== null,
  );
  await trx
    .updateTable("data_element")
    .set(
      yesNo
        ? { value_kind: "yes_no", min_value: 0, max_value: 1 }
        : { value_kind: input.valueKind, min_value: input.minValue, max_value: input.maxValue },
    )
    .where("id", "in", elementIds)
    .execute();
  if (input.educationLevels)
    await trx
      .updateTable("data_element")
      .set({
        education_levels: JSON.stringify(EDUCATION_LEVELS.filter((l) => input.educationLevels?.includes(l))),
      })
      .where("id", "in", elementIds)
      .execute();
  return values;
}

/**
 * Adds an indicator to the catalog inside the caller's transaction (its code unique, else DUPLICATE),
 * audited as indicator.create; the education levels of new elements default from their names.
 */
export async function insertIndicator(
  trx: Kysely<Database>,
  actor: Actor,
  input: IndicatorValues,
  source: string,
): Promise<{ id: number; version: number }> {
  const values = await indicatorRow(trx, input);
  const dup = await trx
    .selectFrom("indicator")
    .select("id")
    .where("code", "=", input.code)
    .executeTakeFirst();
  if (dup) throw errors.duplicate(`Mã chỉ tiêu "${input.code}" đã có.`);
  const row = await trx
    .insertInto("indicator")
    .values({ ...values, source })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "indicator.create",
    entity: "indicator",
    entityId: row.id,
    after: { ...values, source },
  });
  await fillElementLevels(trx);
  return { id: row.id, version: 1 };
}
