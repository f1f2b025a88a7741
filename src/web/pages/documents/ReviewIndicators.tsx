import { Badge, Card, Checkbox, Group, Select, Stack, Table, Text } from "@mantine/core";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { useIndicators } from "../../indicators.ts";
import { ReviewNewIndicator } from "./ReviewNewIndicator.tsx";
import type { Confirmed, PlanDraft } from "./reviewTypes.ts";

/**
 * The indicator table as proposals: what each value column holds (figures or targets of which
 * period), and per row the catalog indicator it matched with how sure the match is. The reviewer
 * changes the indicator, accepts a new one for a row that matches none, or skips the row; on "Lưu"
 * the values become figures of the issuing unit.
 */
export function ReviewIndicators({
  draft,
  plan,
  setPlan,
}: {
  draft: PlanDraft;
  plan: Confirmed;
  setPlan: (f: (p: Confirmed) => Confirmed) => void;
}) {
  const { t } = useI18n();
  const catalog = useIndicators(plan.indicators.length > 0);
  if (plan.indicators.length === 0) return null;
  const options = (catalog.data?.indicators ?? []).map((i) => ({
    value: String(i.id),
    label: `${i.code} — ${i.name}`,
  }));
  const update = (i: number, patch: Partial<Confirmed["indicators"][number]>) =>
    setPlan((p) => ({ ...p, indicators: p.indicators.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  const columns = plan.indicatorColumns;
  const loaded = plan.indicators.filter(
    (r) => !r.skip && (r.indicatorId !== null || r.create !== null),
  ).length;
  return (
    <Card withBorder data-testid="review-indicators">
      <Text fw={600}>
        {t("docs.indicators")} ({plan.indicators.length})
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t("docs.indicatorsFigures")} — {loaded}/{plan.indicators.length}
      </Text>
      <Stack gap={4} mb="xs" data-testid="review-indicator-columns">
        {columns.map((c) => (
          <Group key={c.header} gap="xs">
            <Text size="sm" fw={500}>
              «{c.header}»
            </Text>
            <Text size="sm">→</Text>
            <Badge
              color={c.kind === null || c.period === null ? "orange" : c.kind === "result" ? "blue" : "grape"}
            >
              {c.kind === null || c.period === null
                ? t("docs.indicatorColumnUnknown")
                : `${t(c.kind === "result" ? "docs.indicatorColumnResult" : "docs.indicatorColumnTarget")} ${c.period}`}
            </Badge>
          </Group>
        ))}
      </Stack>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={4} data-testid="review-indicator-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>{t("docs.indicatorAsRead")}</Table.Th>
              <Table.Th w={70}>{t("docs.unit")}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.header} w={90}>
                  {c.header}
                </Table.Th>
              ))}
              <Table.Th w={330}>{t("docs.indicatorMatch")}</Table.Th>
              <Table.Th w={70}>{t("docs.indicatorSkip")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.indicators.map((r, i) => {
              const read = draft.indicators.find((d) => d.ref === r.ref);
              const proposed = read?.match ?? null;
              const changed = (proposed?.indicatorId ?? null) !== r.indicatorId;
              return (
                <Table.Tr key={r.ref} data-testid={`indicator-row-${r.ref}`} opacity={r.skip ? 0.5 : 1}>
                  <Table.Td>{r.ref}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{r.name}</Text>
                    {r.note && (
                      <Text size="xs" c="dimmed">
                        ({r.note})
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.unit}</Table.Td>
                  {columns.map((c) => {
                    const v = r.values[c.header];
                    return (
                      <Table.Td key={c.header}>
                        {v === null || v === undefined ? "—" : formatNumber(v)}
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Select
                        size="xs"
                        w={280}
                        searchable
                        clearable
                        data={options}
                        value={r.indicatorId === null ? null : String(r.indicatorId)}
                        placeholder={t("docs.indicatorNew")}
                        onChange={(v) => update(i, { indicatorId: v ? Number(v) : null, create: null })}
                        aria-label={`${t("docs.indicatorMatch")} ${r.ref}`}
                        clearButtonProps={{ "aria-label": `${t("docs.indicatorClear")} ${r.ref}` }}
                      />
                      {!changed && proposed && (
                        <Badge
                          size="xs"
                          color={proposed.how === "exact" ? "green" : "yellow"}
                          title={t("docs.indicatorScore")}
                        >
                          {formatNumber(Math.round(proposed.score * 100))} %
                        </Badge>
                      )}
                    </Group>
                    <ReviewNewIndicator
                      row={r}
                      proposed={read?.proposed ?? null}
                      update={(p) => update(i, p)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      checked={r.skip}
                      onChange={(e) => update(i, { skip: e.currentTarget.checked })}
                      aria-label={`${t("docs.indicatorSkip")} ${r.ref}`}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
