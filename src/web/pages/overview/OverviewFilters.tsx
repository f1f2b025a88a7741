import "@mantine/dates/styles.css";
import { Select } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { usePlanGraph } from "../../documents.ts";
import { useI18n } from "../../i18n.tsx";

/** Which plan of the cascade and which day the overview is about (kept in the address). */
export function OverviewFilters(props: {
  documentId: string | null;
  asOf: string | null;
  onChange: (key: "documentId" | "asOf", value: string | null) => void;
}) {
  const { t } = useI18n();
  const graph = usePlanGraph();
  return (
    <>
      <Select
        label={t("overview.plan")}
        w={260}
        data={(graph.data?.nodes ?? []).map((n) => ({
          value: String(n.id),
          label: `${n.number ?? t("tasks.unnumbered")}${n.held ? "" : ` (${t("overview.notHeld")})`}`,
        }))}
        value={props.documentId}
        onChange={(v) => props.onChange("documentId", v)}
        searchable
      />
      <DateInput
        label={t("overview.asOf")}
        valueFormat="DD/MM/YYYY"
        value={props.asOf}
        onChange={(v) => props.onChange("asOf", v ? String(v).slice(0, 10) : null)}
        clearable
      />
    </>
  );
}
