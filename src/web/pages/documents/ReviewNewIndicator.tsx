import { Checkbox, Select, Stack, TextInput } from "@mantine/core";
import {
  NEW_INDICATOR_TYPES,
  type NewIndicatorProposal,
  proposeNewIndicator,
} from "../../../domain/newIndicator.ts";
import { useI18n } from "../../i18n.tsx";
import type { Confirmed, PlanDraft } from "./reviewTypes.ts";

type Row = Confirmed["indicators"][number];

/**
 * For a row with no catalog indicator: the reviewer accepts a new one (proposed from the row's name
 * and unit, its kind read from the unit) and may change its name, unit and kind before saving; the
 * server creates it with the figures, all or nothing.
 */
export function ReviewNewIndicator({
  row,
  proposed,
  update,
}: {
  row: Row;
  proposed: PlanDraft["indicators"][number]["proposed"];
  update: (patch: Partial<Row>) => void;
}) {
  const { t } = useI18n();
  if (row.indicatorId !== null || row.skip) return null;
  const offer: NewIndicatorProposal = proposed ?? proposeNewIndicator(row.name, row.unit);
  const create = row.create;
  const change = (patch: Partial<NewIndicatorProposal>) => {
    if (create) update({ create: { ...create, ...patch } });
  };
  return (
    <Stack gap={2} mt={4}>
      <Checkbox
        size="xs"
        label={t("docs.indicatorCreate")}
        checked={create !== null}
        onChange={(e) => update({ create: e.currentTarget.checked ? { ...offer } : null })}
        aria-label={`${t("docs.indicatorCreate")} ${row.ref}`}
      />
      {create && (
        <>
          <TextInput
            size="xs"
            value={create.name}
            onChange={(e) => change({ name: e.currentTarget.value })}
            aria-label={`${t("docs.indicatorCreateName")} ${row.ref}`}
            placeholder={t("docs.indicatorCreateName")}
          />
          <TextInput
            size="xs"
            w={120}
            value={create.unit}
            onChange={(e) => change({ unit: e.currentTarget.value })}
            aria-label={`${t("docs.indicatorCreateUnit")} ${row.ref}`}
            placeholder={t("docs.indicatorCreateUnit")}
          />
          <Select
            size="xs"
            w={160}
            allowDeselect={false}
            data={NEW_INDICATOR_TYPES.map((k) => ({ value: k, label: t(`docs.indicatorType.${k}`) }))}
            value={create.type}
            onChange={(v) => v && change({ type: v as NewIndicatorProposal["type"] })}
            aria-label={`${t("docs.indicatorCreateType")} ${row.ref}`}
          />
        </>
      )}
    </Stack>
  );
}
