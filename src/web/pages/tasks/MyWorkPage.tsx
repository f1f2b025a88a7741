import { Alert, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { formatDate } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { getKept } from "../../offline/kept.ts";
import { type RegisterRow, type Timeliness, timelinessInfo } from "../../tasks.ts";
import { TaskRows } from "./TaskRows.tsx";

export function MyWorkPage() {
  const { t, lang } = useI18n();
  const q = useQuery({
    queryKey: ["my-work"],
    // kept on the device: the officer reads his work with no link
    queryFn: () =>
      getKept<{
        rows: RegisterRow[];
        pending: RegisterRow[];
        total: number;
        today: string;
        mode: "unit" | "confirm";
        reports: { id: number; title: string; due_on: string; status: string; unit_name: string }[];
      }>("/api/my-work"),
  });
  const rows = q.data?.rows ?? [];
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
      {q.data && rows.length === 0 && <Text c="dimmed">{t("tasks.nothing")}</Text>}
      {rows.length > 0 && <TaskRows rows={rows} />}
      {(q.data?.pending.length ?? 0) > 0 && (
        <>
          <Title order={4}>{t("tasks.pendingTitle")}</Title>
          <TaskRows rows={q.data?.pending ?? []} />
        </>
      )}
    </Stack>
  );
}
