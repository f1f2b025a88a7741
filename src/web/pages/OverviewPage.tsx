import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { lazy, Suspense } from "react";
import { Link, useSearchParams } from "react-router";
import { useOverview } from "../api/overview.ts";
import { DataTime } from "../components/DataTime.tsx";
import { type TargetStatus, targetStatusInfo } from "../figures.ts";
import { formatDate, formatNumber } from "../format.ts";
import { useI18n } from "../i18n.tsx";
import { CommuneTileMap } from "./overview/CommuneTileMap.tsx";

// the plan and date pickers (with their popovers and dayjs) come after the figures they filter
const OverviewFilters = lazy(async () => ({
  default: (await import("./overview/OverviewFilters.tsx")).OverviewFilters,
}));

const STATUSES: TargetStatus[] = ["achieved", "on_track", "at_risk", "behind", "no_data"];

function Figure({ value, label, to, color }: { value: number; label: string; to?: string; color?: string }) {
  const body = (
    <Card withBorder padding="sm">
      <Text size="xl" fw={700} c={color}>
        {formatNumber(value)}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Card>
  );
  return to ? (
    <Anchor component={Link} to={to} underline="never" c="inherit">
      {body}
    </Anchor>
  ) : (
    body
  );
}

/** Tổng quan: the leaders' minute on a resolution and its cascade, on a chosen date. */
export function OverviewPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const documentId = params.get("documentId");
  const asOf = params.get("asOf");
  const q = new URLSearchParams();
  if (documentId) q.set("documentId", documentId);
  if (asOf) q.set("asOf", asOf);
  const overview = useOverview(q);
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const o = overview.data;
  const registerLink = (extra: string) => `/nhiem-vu?${o?.root ? `documentId=${o.root.id}&` : ""}${extra}`;
  const statusCount = (s: TargetStatus) => (o?.targets.byStatus[s] as number | undefined) ?? 0;
  const targetTotal = STATUSES.reduce((n, s) => n + statusCount(s), 0);
  const communeOverdue = new Map((o?.overdueByCommune ?? []).map((b) => [b.unit_id, b.overdue]));

  return (
    <Stack className="lt-overview">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t("overview.title")}</Title>
        <Group className="lt-no-print">
          {o && (
            <Suspense fallback={null}>
              <OverviewFilters
                documentId={documentId ?? (o.root ? String(o.root.id) : null)}
                asOf={asOf ?? o.asOf ?? null}
                onChange={set}
              />
            </Suspense>
          )}
          <Button variant="light" onClick={() => window.print()}>
            {t("overview.print")}
          </Button>
        </Group>
      </Group>
      {!o ? (
        <Text c="dimmed">{t("loading")}</Text>
      ) : (
        <>
          <Text c="dimmed" size="sm">
            {o.root ? `${o.root.number ?? ""} — ${o.root.title ?? ""}` : t("overview.noPlan")} ·{" "}
            {t("overview.asOfShort")} {formatDate(o.asOf)}
          </Text>
          <DataTime of={o} />

          <Card withBorder>
            <Title order={4} mb="xs">
              {t("overview.targets")} ({formatNumber(targetTotal)})
            </Title>
            <Progress.Root size={22} data-testid="target-status-bar">
              {STATUSES.filter((s) => statusCount(s) > 0).map((s) => (
                <Progress.Section
                  key={s}
                  value={(100 * statusCount(s)) / Math.max(1, targetTotal)}
                  color={targetStatusInfo[s].color}
                >
                  <Progress.Label>{formatNumber(statusCount(s))}</Progress.Label>
                </Progress.Section>
              ))}
            </Progress.Root>
            <Group gap="xs" mt="xs">
              {STATUSES.map((s) => (
                <Badge
                  key={s}
                  color={targetStatusInfo[s].color}
                  variant="light"
                  component={Link}
                  to={`/chi-tieu?status=${s}`}
                >
                  {targetStatusInfo[s][lang]}: {formatNumber(statusCount(s))}
                </Badge>
              ))}
            </Group>
            <Table.ScrollContainer minWidth={640} mt="sm">
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("overview.target")}</Table.Th>
                    <Table.Th>{t("overview.unit")}</Table.Th>
                    <Table.Th ta="right">{t("overview.value")}</Table.Th>
                    <Table.Th ta="right">{t("overview.goal")}</Table.Th>
                    <Table.Th>{t("overview.status")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.targets.items.map((x) => (
                    <Table.Tr key={x.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/chi-tieu?target=${x.id}`}>
                          {x.label}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{x.unit}</Table.Td>
                      <Table.Td ta="right">{x.current === null ? "—" : formatNumber(x.current)}</Table.Td>
                      <Table.Td ta="right">
                        {x.comparator} {formatNumber(Number(x.target))}
                        {x.dueYear ? ` (${x.dueYear})` : ""}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={targetStatusInfo[x.status as TargetStatus].color} variant="light">
                          {targetStatusInfo[x.status as TargetStatus][lang]}
                        </Badge>
                        {x.meeting && (
                          <Text size="xs" c="dimmed">
                            {formatNumber(x.meeting.reported)}/{formatNumber(x.meeting.total)}{" "}
                            {t("overview.reported")}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>

          {o.tasks && (
            <Card withBorder>
              <Group justify="space-between">
                <Title order={4}>{t("overview.tasks")}</Title>
                <Text fw={700} data-testid="overview-rate">
                  {t("overview.rate")}:{" "}
                  {o.tasks.rate === null ? "—" : `${formatNumber(Math.round(o.tasks.rate * 1000) / 10)} %`}
                </Text>
              </Group>
              <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
                <Figure
                  value={o.tasks.total}
                  label={t("overview.items")}
                  to={registerLink("includeDone=true")}
                />
                <Figure
                  value={o.tasks.done_on_time}
                  label={t("overview.doneOnTime")}
                  color="teal"
                  to={registerLink("timeliness=done_on_time&includeDone=true")}
                />
                <Figure
                  value={o.tasks.done_late}
                  label={t("overview.doneLate")}
                  color="yellow.8"
                  to={registerLink("timeliness=done_late&includeDone=true")}
                />
                <Figure
                  value={o.tasks.overdue}
                  label={t("overview.overdue")}
                  color="red"
                  to={registerLink("timeliness=overdue")}
                />
                <Figure
                  value={o.tasks.in_time}
                  label={t("overview.inTime")}
                  to={registerLink("timeliness=in_time")}
                />
                <Figure
                  value={o.tasks.no_deadline}
                  label={t("overview.noDeadline")}
                  to={registerLink("timeliness=no_deadline")}
                />
                <Figure
                  value={o.tasks.awaiting_confirmation}
                  label={t("overview.awaitingConfirmation")}
                  to={registerLink("state=awaiting_confirmation")}
                />
                <Figure value={o.tasks.awaiting_date} label={t("overview.awaitingDate")} />
              </SimpleGrid>
            </Card>
          )}

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={4} mb="xs">
                {t("overview.mostOverdue")}
              </Title>
              {o.mostOverdue.length === 0 ? (
                <Text c="dimmed">{t("overview.nothingOverdue")}</Text>
              ) : (
                <Table>
                  <Table.Tbody>
                    {o.mostOverdue.map((x) => (
                      <Table.Tr key={x.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/nhiem-vu/${x.task_id}`}>
                            {x.ref}. {x.title}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {x.lead ?? "—"} · {x.document_number ?? ""} · {t("overview.due")}{" "}
                            {formatDate(x.due_on)}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                          <Text c="red" fw={700} size="sm">
                            {formatNumber(x.days_late)} {t("overview.daysLate")}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
            <Card withBorder>
              <Title order={4} mb="xs">
                {t("overview.communeMap")}
              </Title>
              <CommuneTileMap overdue={communeOverdue} asOf={o.asOf} />
            </Card>
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={4} mb="xs">
                {t("overview.bodiesBehind")}
              </Title>
              <Table>
                <Table.Tbody>
                  {o.overdueByBody.slice(0, 10).map((b) => (
                    <Table.Tr key={b.unit_id}>
                      <Table.Td>
                        <Anchor component={Link} to={registerLink(`unitId=${b.unit_id}&timeliness=overdue`)}>
                          {b.unit_name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(b.overdue)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            {o.forms && (
              <Card withBorder>
                <Title order={4} mb="xs">
                  {t("overview.forms")} — {o.forms.period.name}
                </Title>
                <Text>
                  {formatNumber(o.forms.submitted)}/{formatNumber(o.forms.total)}{" "}
                  {t("overview.formsSubmitted")} · {formatNumber(o.forms.approved)}{" "}
                  {t("overview.formsApproved")}
                </Text>
                {o.forms.late.length > 0 && (
                  <Text size="sm" c="red" mt="xs">
                    {t("overview.formsLate")}: {o.forms.late.map((u) => u.name).join(", ")}
                  </Text>
                )}
              </Card>
            )}
          </SimpleGrid>

          <Card withBorder>
            <Title order={4} mb="xs">
              {t("overview.cascade")}
            </Title>
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("overview.planBelow")}</Table.Th>
                    <Table.Th>{t("overview.against")}</Table.Th>
                    <Table.Th ta="right">{t("align.verdict.stricter")}</Table.Th>
                    <Table.Th ta="right">{t("align.verdict.weaker")}</Table.Th>
                    <Table.Th ta="right">{t("align.verdict.dropped")}</Table.Th>
                    <Table.Th ta="right">{t("overview.tasksWithout")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.plans.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/van-ban/${p.id}`}>
                          {p.number ?? p.title}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {p.against.map((a) => a.number).join(", ")}
                        {p.against.some((a) => a.missing.length > 0) && (
                          <Text size="xs" c="orange">
                            {t("align.missing")} {p.against.flatMap((a) => a.missing).join(", ")}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(p.stricter)}</Table.Td>
                      <Table.Td ta="right" c={p.weaker > 0 ? "red" : undefined}>
                        {formatNumber(p.weaker)}
                      </Table.Td>
                      <Table.Td ta="right">{formatNumber(p.dropped)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(p.tasksWithoutCounterpart)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {o.bodiesWithoutPlan.length > 0 && (
              <Text size="sm" mt="xs">
                {t("align.bodiesWithoutPlan")}: {o.bodiesWithoutPlan.map((b) => b.name).join("; ")}
              </Text>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
