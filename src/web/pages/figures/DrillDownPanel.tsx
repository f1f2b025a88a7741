import {
  Anchor,
  Badge,
  Breadcrumbs,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { breakdownsOf, optionsOf } from "../../../domain/breakdowns.ts";
import { useTargets } from "../../api/targets.ts";
import { DataTime } from "../../components/DataTime.tsx";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { useIndicators, useIndicatorValues, usePeriods, type ValuesQuery } from "../../indicators.ts";
import { useSession } from "../../session.ts";
import { useEveryUnit } from "../../units.ts";
import { TrendChart } from "./LazyTrendChart.tsx";

/** Province → communes (→ schools): one indicator, one period, sortable by the gap to the target. */
export function DrillDownPanel(props: { indicatorId: string | null; unitId: string | null }) {
  const { t, lang } = useI18n();
  const indicators = useIndicators();
  const periods = usePeriods("school_year");
  const targets = useTargets();
  const province = useEveryUnit();
  const provinceId = province.data?.units.find((u) => u.kind === "province")?.id;
  const [indicator, setIndicator] = useState<string | null>(props.indicatorId);
  const [path, setPath] = useState<{ id: number; name: string }[]>([]);
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [asOf, setAsOf] = useState<"today" | "2025-06-30">("today");
  const [sort, setSort] = useState<"gap" | "name">("gap");
  const [category, setCategory] = useState("");
  // official totals count sent figures only; drafts on request (an officer sees their own by default)
  const [drafts, setDrafts] = useState<boolean | null>(null);
  // an officer starts from their own unit (they may not read the province's totals)
  const session = useSession().data;
  const own = session?.can?.readAllUnits === false ? (session.user?.org_unit_id ?? null) : null;
  const start = props.unitId ? Number(props.unitId) : own;
  const top = start
    ? { id: start, name: province.data?.units.find((u) => u.id === start)?.fullName ?? t("figures.start") }
    : provinceId
      ? { id: provinceId, name: t("figures.province") }
      : null;
  const root = path[path.length - 1] ?? top;
  const withDrafts = drafts ?? own !== null;
  const period = periodId ?? String(periods.data?.periods.find((p) => p.code === "2025SY")?.id ?? "");
  const query = (periodIds: number[], children: boolean): ValuesQuery | null =>
    root && periodIds.length
      ? {
          unitId: root.id,
          periodIds,
          children,
          asOf: asOf === "today" ? undefined : asOf,
          category,
          drafts: withDrafts,
        }
      : null;
  const values = useIndicatorValues(indicator, query(period ? [Number(period)] : [], true));
  const allPeriods = periods.data?.periods ?? [];
  const trend = useIndicatorValues(
    indicator,
    query(
      allPeriods.map((p) => p.id),
      false,
    ),
  );
  const ind = indicators.data?.indicators.find((i) => String(i.id) === indicator);
  const options = optionsOf(breakdownsOf(ind?.breakdowns));
  const target = targets.data?.targets.find((x) => String(x.indicator_id) === indicator)?.value ?? null;
  const rows = [...(values.data?.points ?? [])].sort((a, b) =>
    sort === "name" || target === null
      ? (a.unit?.full_name ?? "").localeCompare(b.unit?.full_name ?? "", "vi")
      : target - (b.value ?? 0) - (target - (a.value ?? 0)),
  );
  return (
    <Stack>
      <Group align="end" wrap="wrap">
        <Select
          label={t("docs.indicator")}
          searchable
          w={420}
          value={indicator}
          onChange={(v) => {
            setIndicator(v);
            setPath([]);
            setCategory("");
          }}
          data={(indicators.data?.indicators ?? []).map((i) => ({
            value: String(i.id),
            label: `${i.code} — ${i.name}`,
          }))}
        />
        <Select
          label={t("figures.period")}
          w={200}
          value={period}
          onChange={setPeriodId}
          data={(periods.data?.periods ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
        />
        {options.length > 0 && (
          <Select
            label={t("figures.breakdown")}
            w={200}
            value={category}
            onChange={(v) => setCategory(v ?? "")}
            allowDeselect={false}
            data={[
              { value: "", label: t("figures.whole") },
              ...options.map((o) => ({ value: o.code, label: lang === "en" ? o.labelEn : o.label })),
            ]}
          />
        )}
        <Checkbox
          label={t("figures.withDrafts")}
          data-testid="drill-drafts"
          checked={withDrafts}
          onChange={(e) => setDrafts(e.currentTarget.checked)}
        />
        <SegmentedControl
          value={asOf}
          onChange={(v) => {
            setAsOf(v as typeof asOf);
            setPath([]);
          }}
          data={[
            { value: "today", label: t("units.today") },
            { value: "2025-06-30", label: t("units.beforeReform") },
          ]}
        />
        <SegmentedControl
          value={sort}
          onChange={(v) => setSort(v as typeof sort)}
          data={[
            { value: "gap", label: t("figures.byGap") },
            { value: "name", label: t("figures.byName") },
          ]}
        />
      </Group>
      <Breadcrumbs>
        <Anchor component="button" onClick={() => setPath([])}>
          {top?.name ?? t("figures.start")}
        </Anchor>
        {path.map((p, i) => (
          <Anchor key={p.id} component="button" onClick={() => setPath(path.slice(0, i + 1))}>
            {p.name}
          </Anchor>
        ))}
      </Breadcrumbs>
      {trend.data && trend.data.points.length > 0 && (
        <Stack gap={0} data-testid="indicator-trend">
          <Text size="sm" fw={600}>
            {t("figures.trendOf")} — {root?.name || ind?.name}
            {category ? ` (${options.find((o) => o.code === category)?.label ?? ""})` : ""}
          </Text>
          <TrendChart
            labels={allPeriods.map((p) => p.name.replace(/^\S+ \S+ /u, ""))}
            values={allPeriods.map((p) => trend.data.points.find((x) => x.periodId === p.id)?.value ?? null)}
            target={target}
            height={180}
          />
        </Stack>
      )}
      <DataTime of={values.data} />
      {values.data && rows.length === 0 && <Text c="dimmed">{t("figures.noData")}</Text>}
      {rows.length > 0 && (
        <Table striped data-testid="drill-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("users.unit")}</Table.Th>
              <Table.Th>{t("figures.numerator")}</Table.Th>
              <Table.Th>{t("figures.denominator")}</Table.Th>
              <Table.Th>{t("docs.value")}</Table.Th>
              <Table.Th>{t("figures.gap")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.unitId}>
                <Table.Td>
                  <Anchor
                    component="button"
                    onClick={() => setPath([...path, { id: r.unitId, name: r.unit?.full_name ?? "" }])}
                  >
                    {r.unit?.full_name}
                  </Anchor>
                  {r.sample && (
                    <Badge size="xs" color="orange" ml={4}>
                      {t("sample")}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{r.numerator === null ? "" : formatNumber(r.numerator)}</Table.Td>
                <Table.Td>{r.denominator === null ? "" : formatNumber(r.denominator)}</Table.Td>
                <Table.Td fw={600}>
                  {r.value === null ? "—" : `${formatNumber(r.value)} ${ind?.unit ?? ""}`}
                </Table.Td>
                <Table.Td c={target !== null && r.value !== null && r.value < target ? "red" : undefined}>
                  {target === null || r.value === null ? "" : formatNumber(r.value - target)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
