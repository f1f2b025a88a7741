import { Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { formatNumber } from "../format.ts";
import { useI18n } from "../i18n.tsx";
import { useOrgUnits } from "../units.ts";

export function OverviewPage() {
  const { t } = useI18n();
  const today = useOrgUnits(null);
  const before = useOrgUnits("2025-06-30");
  const communeKinds = new Set(["commune", "ward", "township"]);
  const count = (units: { kind: string }[] | undefined, pred: (k: string) => boolean) =>
    units ? formatNumber(units.filter((u) => pred(u.kind)).length) : "…";

  return (
    <Stack>
      <Title order={2}>{t("overview.title")}</Title>
      <Text fw={500}>{t("overview.map")}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="xl" fw={700} data-testid="count-communes">
            {count(today.data?.units, (k) => communeKinds.has(k))}
          </Text>
          <Text size="sm" c="dimmed">
            {t("overview.communes")}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="xl" fw={700}>
            {count(before.data?.units, (k) => communeKinds.has(k))}
          </Text>
          <Text size="sm" c="dimmed">
            {t("overview.oldCommunes")}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="xl" fw={700}>
            {count(today.data?.units, (k) => k === "body")}
          </Text>
          <Text size="sm" c="dimmed">
            {t("overview.bodies")}
          </Text>
        </Card>
      </SimpleGrid>
      <Group>
        <Text size="sm" c="dimmed">
          {t("overview.next")}
        </Text>
      </Group>
    </Stack>
  );
}
