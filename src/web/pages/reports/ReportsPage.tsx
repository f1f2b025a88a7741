import { Stack, Tabs, Title } from "@mantine/core";
import { useI18n } from "../../i18n.tsx";
import { GeneratePanel } from "./GeneratePanel.tsx";
import { RoundsPanel } from "./RoundsPanel.tsx";

/** Báo cáo: reporting rounds (and each body's own report), and reports generated on demand. */
export function ReportsPage() {
  const { t } = useI18n();
  return (
    <Stack>
      <Title order={2}>{t("nav.reports")}</Title>
      <Tabs defaultValue="rounds" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="rounds">{t("reports.rounds")}</Tabs.Tab>
          <Tabs.Tab value="generate">{t("reports.generate")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rounds" pt="md">
          <RoundsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="generate" pt="md">
          <GeneratePanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
