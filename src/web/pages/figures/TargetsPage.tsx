import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { type TargetRow, useTargets } from "../../api/targets.ts";
import { DataTime } from "../../components/DataTime.tsx";
import { targetStatusInfo } from "../../figures.ts";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { DataEntryPanel } from "./DataEntryPanel.tsx";
import { DrillDownPanel } from "./DrillDownPanel.tsx";
import { TrendChart } from "./LazyTrendChart.tsx";
import { TargetForm } from "./TargetForm.tsx";

const CMP: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

function TargetCard({ t, onEdit }: { t: TargetRow; onEdit: ((t: TargetRow) => void) | null }) {
  const { t: tr, lang } = useI18n();
  const s = targetStatusInfo[t.status];
  return (
    <Card
      withBorder
      style={{ borderTop: `4px solid var(--mantine-color-${s.color}-6)` }}
      data-testid="target-card"
    >
      <Group justify="space-between" align="start" wrap="nowrap">
        <Text fw={600} size="sm">
          {t.indicator_name}
        </Text>
        <Badge color={s.color} style={{ flexShrink: 0 }}>
          {s[lang]}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {t.label}
      </Text>
      <Group gap="lg" mt="xs">
        <div>
          <Text size="xs" c="dimmed">
            {tr("figures.current")}
          </Text>
          <Text fw={700}>
            {t.current?.value != null ? `${formatNumber(t.current.value)} ${t.unit ?? ""}` : "—"}
          </Text>
          {t.current && (
            <Text size="xs" c="dimmed">
              {t.current.name} ·{" "}
              {t.current.source === "reported" ? tr("figures.reported") : tr("figures.entered")}
            </Text>
          )}
          {t.meeting && (
            <Text size="xs" data-testid="target-meeting">
              {t.meeting.count}/{t.meeting.total} {tr("targets.meeting")}
              {t.meeting.reported < t.meeting.total
                ? ` · ${t.meeting.total - t.meeting.reported} ${tr("targets.notReported")}`
                : ""}
            </Text>
          )}
          {t.coverage && !t.meeting && (
            <Text size="xs" data-testid="target-coverage">
              {t.coverage.reported}/{t.coverage.total} {tr("targets.coverage")}
            </Text>
          )}
          {t.current?.source === "sample" && (
            <Badge size="xs" color="orange" data-testid="sample-badge">
              {tr("sample")}
            </Badge>
          )}
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {tr("docs.target")} {t.due_year}
          </Text>
          <Text fw={700}>
            {CMP[t.comparator] ?? ""} {formatNumber(t.value)} {t.unit}
          </Text>
        </div>
      </Group>
      {t.trend.length > 0 && (
        <TrendChart
          labels={t.trend.map((p) => p.period.replace("SY", ""))}
          values={t.trend.map((p) => p.value)}
          target={t.value}
        />
      )}
      <Group justify="space-between">
        <Anchor
          component={Link}
          to={`/chi-tieu?tab=drill&indicator=${t.indicator_id}&unit=${t.org_unit_id}`}
          size="xs"
        >
          {tr("figures.drill")}
        </Anchor>
        {onEdit && (
          <Anchor component="button" size="xs" onClick={() => onEdit(t)}>
            {tr("targets.edit")}
          </Anchor>
        )}
      </Group>
    </Card>
  );
}

export function TargetsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const targets = useTargets();
  const groups = new Map<string, TargetRow[]>();
  for (const x of targets.data?.targets ?? [])
    groups.set(x.unit_name, [...(groups.get(x.unit_name) ?? []), x]);
  const tab = params.get("tab") ?? "targets";
  const canCreate = targets.data?.can.create ?? false;
  const [editing, setEditing] = useState<TargetRow | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const open = (x: TargetRow | null) => {
    setEditing(x);
    setFormOpen(true);
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("nav.targets")}</Title>
        {canCreate && tab === "targets" && (
          <Button onClick={() => open(null)} data-testid="target-add">
            {t("targets.add")}
          </Button>
        )}
      </Group>
      {formOpen && (
        <TargetForm
          key={editing?.id ?? "new"}
          editing={editing}
          opened={formOpen}
          onClose={() => setFormOpen(false)}
          onDeleted={() => setFormOpen(false)}
        />
      )}
      <Tabs value={tab} onChange={(v) => setParams(v && v !== "targets" ? { tab: v } : {})}>
        <Tabs.List>
          <Tabs.Tab value="targets">{t("figures.targets")}</Tabs.Tab>
          <Tabs.Tab value="drill">{t("figures.drillTab")}</Tabs.Tab>
          <Tabs.Tab value="entry">{t("figures.entry")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="targets" pt="md">
          <Stack>
            {targets.data && (
              <Text size="xs" c="dimmed" data-testid="status-legend">
                {t("targets.legend")
                  .replace("{onTrack}", formatNumber(targets.data.thresholds.onTrack))
                  .replace("{atRisk}", formatNumber(targets.data.thresholds.atRisk))}
              </Text>
            )}
            <DataTime of={targets.data} />
            {[...groups.entries()].map(([unit, list]) => (
              <Stack key={unit} gap="xs">
                <Title order={4}>{unit}</Title>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                  {list.map((x) => (
                    <TargetCard key={x.id} t={x} onEdit={x.can.edit ? open : null} />
                  ))}
                </SimpleGrid>
              </Stack>
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="drill" pt="md">
          {tab === "drill" && (
            <DrillDownPanel indicatorId={params.get("indicator")} unitId={params.get("unit")} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="entry" pt="md">
          {tab === "entry" && <DataEntryPanel />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
