import { ceasedOn, planDate } from "../domain/bodySets.ts";
import type { UnitCandidate } from "./bodies.ts";
import type { BodyMention, PlanDraft, Warning } from "./draft.ts";

/**
 * BODY_CEASED: the plan names a body that had ceased on the plan's date (a city office after
 * 1/7/2025). The reviewer should pick its successor; nothing is changed silently.
 */
export function ceasedBodyWarning(
  mention: BodyMention,
  units: UnitCandidate[],
  document: PlanDraft["document"],
  where: string,
): Warning | null {
  if (!mention.unit) return null;
  const date = planDate({
    issuedOn: document.issuedOn,
    dateText: document.dateText,
    periodFrom: document.period?.from ?? null,
  });
  if (!date) return null;
  const unit = units.find((u) =>
    mention.unit?.id != null ? u.id === mention.unit.id : u.name === mention.unit?.name,
  );
  if (!unit || !ceasedOn({ validTo: unit.validTo }, date)) return null;
  const ended = (unit.validTo as string).split("-").reverse().join("/");
  return {
    code: "BODY_CEASED",
    message: `"${mention.text}" (${unit.name}) đã giải thể từ ${ended}, trước ngày của văn bản: hãy chọn đơn vị kế thừa.`,
    where,
  };
}
