import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { formatDate } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { type Timeliness, timelinessInfo, useMyWork } from "../../tasks.ts";
import { TaskRows } from "./TaskRows.tsx";

export function MyWorkPage() {
  const { t, lang } = useI18n();
  const [showLater, setShowLater] = useState(false);
  const q = useMyWork(showLater);
  const rows = q.data?.rows ?? [];
  const later = q.data?.later ?? [];
  const laterCount = q.data?.laterCount ?? 0;
  const now = rows.filter((r) => r.horizon === "now");
  const next = rows.filter((r) => r.horizon === "next");
  const count = (k: Timeliness) => rows.filter((r) => r.timeliness === k).length;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("nav.myWork")}</Title>
        {q.data && (
          <Text size="sm" c="dimmed">
            {t("tasks.today")}: {formatDate(q.data.today)}
          </Text>
        )}
      </Group>
      {q.data?.mode === "confirm" && <Alert color="blue">{t("tasks.confirmMode")}</Alert>}
      {q.data?.mode === "read" && (
        <Alert color="gray" data-testid="read-mode">
          {t("tasks.readMode")} <Link to="/">{t("nav.overview")}</Link>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {(["overdue", "due_soon", "in_time", "no_deadline"] as const).map((k) => (
          <Card
            key={k}
            withBorder
            padding="sm"
            style={{ borderTop: `4px solid var(--mantine-color-${timelinessInfo[k].color}-6)` }}
          >
            <Text size="xl" fw={700} data-testid={`count-${k}`}>
              {count(k)}
            </Text>
            <Text size="sm">{timelinessInfo[k][lang]}</Text>
          </Card>
        ))}
      </SimpleGrid>
      {(q.data?.reports.length ?? 0) > 0 && (
        <Alert color="orange" title={t("reports.myReports")} data-testid="my-reports">
          {q.data?.reports.map((r) => (
            <Text size="sm" key={r.id}>
              <Link to="/bao-cao">{r.title}</Link> — {r.unit_name} — {t("reports.dueOn")}{" "}
              {formatDate(r.due_on)}
            </Text>
          ))}
        </Alert>
      )}
      {q.data && q.data.mode !== "read" && rows.length === 0 && <Text c="dimmed">{t("tasks.nothing")}</Text>}
      {now.length > 0 && (
        <section data-testid="work-now">
          {q.data?.mode === "unit" && <Title order={4}>{t("tasks.dueNow")}</Title>}
          <TaskRows rows={now} />
        </section>
      )}
      {next.length > 0 && (
        <section data-testid="work-next">
          <Title order={4}>{t("tasks.dueNext")}</Title>
          <TaskRows rows={next} />
        </section>
      )}
      {laterCount > 0 && (
        <Group>
          <Button
            variant="subtle"
            onClick={() => setShowLater((v) => !v)}
            loading={showLater && q.isPlaceholderData}
            data-testid="work-later-toggle"
          >
            {showLater ? t("tasks.hideLater") : `${t("tasks.showLater")} (${laterCount})`}
          </Button>
          <Link to="/nhiem-vu">{t("nav.tasks")}</Link>
        </Group>
      )}
      {showLater && later.length > 0 && (
        <section data-testid="work-later">
          <Title order={4}>{t("tasks.laterTitle")}</Title>
          <TaskRows rows={later} />
        </section>
      )}
      {(q.data?.pending.length ?? 0) > 0 && (
        <>
          <Title order={4}>{t("tasks.pendingTitle")}</Title>
          <TaskRows rows={q.data?.pending ?? []} />
        </>
      )}
    </Stack>
  );
}
