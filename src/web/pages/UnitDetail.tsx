import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from "@mantine/core";
import { formatDate } from "../format.ts";
import { useI18n } from "../i18n.tsx";
import { both } from "../texts.ts";
import { kindLabel, useUnit } from "../units.ts";
import { CeasedBodyWork } from "./CeasedBodyWork.tsx";

function interval(from: string | null, to: string | null, lang: "vi" | "en"): string {
  if (!from && !to) return both("unit.openEnded")[lang];
  const a = from ? formatDate(from) : "…";
  const b = to ? formatDate(to) : both("unit.now")[lang];
  return `${a} – ${b}`;
}

export function UnitDetail({ id, onSelect }: { id: number; onSelect: (id: number) => void }) {
  const { t, lang } = useI18n();
  const q = useUnit(id);
  const unit = q.data?.unit;
  if (!q.data || !unit) return <Text>{t("loading")}</Text>;
  const { aliases, parents, children } = q.data;
  const link = (l: { id: number; name: string; weight: number; effectiveOn: string }) => (
    <List.Item key={l.id}>
      <Anchor component="button" onClick={() => onSelect(l.id)}>
        {l.name}
      </Anchor>{" "}
      <Text span size="xs" c="dimmed">
        ({formatDate(l.effectiveOn)}
        {l.weight < 1 ? `, ${Math.round(l.weight * 100)} %` : ""})
      </Text>
    </List.Item>
  );
  return (
    <Card withBorder data-testid="unit-detail">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3}>{unit.fullName}</Title>
          <Group gap={4}>
            <Badge variant="light">{kindLabel[unit.kind][lang]}</Badge>
            {unit.code && <Badge variant="outline">{unit.code}</Badge>}
            {unit.isSample && <Badge color="orange">{t("sample")}</Badge>}
          </Group>
        </Group>
        <Text size="sm">
          <b>{t("units.validity")}:</b> {interval(unit.validFrom, unit.validTo, lang)}
        </Text>
        {parents.length > 0 && (
          <Text size="sm">
            {parents.map((p) => `${p.full_name} (${interval(p.valid_from, p.valid_to, lang)})`).join("; ")}
          </Text>
        )}
        {unit.formedFrom.length > 0 && (
          <div data-testid="formed-from">
            <Text fw={500} size="sm">
              {t("units.formedFrom")}
            </Text>
            <List size="sm">{unit.formedFrom.map(link)}</List>
          </div>
        )}
        {unit.mergedInto.length > 0 && (
          <div>
            <Text fw={500} size="sm">
              {t("units.mergedInto")}
            </Text>
            <List size="sm">{unit.mergedInto.map(link)}</List>
          </div>
        )}
        {aliases.length > 0 && (
          <div>
            <Text fw={500} size="sm">
              {t("units.aliases")}
            </Text>
            <Text size="sm">{aliases.join(" · ")}</Text>
          </div>
        )}
        {unit.validTo && <CeasedBodyWork unitId={unit.id} />}
        {children.length > 0 && (
          <div>
            <Text fw={500} size="sm">
              {t("units.children")} ({children.length})
            </Text>
            <Text size="sm">{children.map((c) => c.fullName).join(" · ")}</Text>
          </div>
        )}
      </Stack>
    </Card>
  );
}
