import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Progress,
  Stack,
  Text,
  Timeline,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { actionLabel } from "../../actionLabels.ts";
import { formatDate, formatDateTime } from "../../format.ts";
import type { Key } from "../../i18n.en.ts";
import { useI18n } from "../../i18n.tsx";
import { refreshTasks, stateInfo, timelinessInfo, useTask } from "../../tasks.ts";
import { describeTimeframe } from "../../timeframeText.ts";
import { OccurrenceActions } from "./OccurrenceActions.tsx";

const KINDS = new Set([
  "progress",
  "contribution",
  "propose_done",
  "confirm",
  "return",
  "extend",
  "set_due",
  "pause",
  "resume",
  "chase",
]);

export function TaskPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const q = useTask(id);
  const qc = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // a set-led task's shares (38 communes a year) stay folded for the province until asked for
  const [sharesOpen, setSharesOpen] = useState(false);
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return <Text>{t("loading")}</Text>;
  const d = q.data;
  const tf = describeTimeframe(d.task.timeframe, lang);
  const shown = d.occurrences.filter((o) => !o.share_of || sharesOpen || !d.can.coordinate);
  const refresh = (m: { ok: boolean; text: string }) => {
    setMessage(m);
    refreshTasks(qc);
  };
  return (
    <Stack>
      <Anchor component={Link} to="/nhiem-vu" size="sm">
        ← {t("nav.tasks")}
      </Anchor>
      <Card withBorder>
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={`/van-ban/${d.task.document_id}`}>
              {d.task.document_number ?? t("tasks.unnumbered")}
            </Anchor>
            {d.task.group_title && d.task.group_ref !== d.task.ref
              ? ` · ${d.task.group_ref}. ${d.task.group_title}`
              : ""}
          </Text>
          <Title order={3} style={{ whiteSpace: "pre-line" }}>
            {d.task.ref}. {d.task.title}
          </Title>
          <Group gap="xs">
            <Text size="sm">
              <b>{t("docs.time")}:</b> {d.task.timeframe_text || "—"}
            </Text>
            <Badge variant="light" color={tf.color}>
              {tf.label}
            </Badge>
          </Group>
          <Text size="sm">
            <b>{t("docs.lead")}:</b>{" "}
            {d.bodies
              .filter((b) => b.role === "lead")
              .map((b) => b.unit_name ?? b.text)
              .join("; ") || "—"}
          </Text>
          <Text size="sm">
            <b>{t("docs.support")}:</b>{" "}
            {d.bodies
              .filter((b) => b.role === "support")
              .map((b) => b.unit_name ?? b.text)
              .join("; ") || "—"}
          </Text>
          {(d.task.product || d.task.note) && (
            <Text size="sm">
              <b>{t("docs.product")}:</b> {d.task.product ?? d.task.note}
            </Text>
          )}
        </Stack>
      </Card>
      {message && (
        <Alert
          color={message.ok ? "teal" : "red"}
          withCloseButton
          onClose={() => setMessage(null)}
          data-testid="task-message"
          style={{ whiteSpace: "pre-line" }}
        >
          {message.text}
        </Alert>
      )}
      {d.can.coordinate && d.occurrences.some((o) => o.share_of) && (
        <Button variant="subtle" onClick={() => setSharesOpen(!sharesOpen)} data-testid="toggle-shares">
          {t("bodies.share")}…
        </Button>
      )}
      {shown.map((o) => {
        const tl = timelinessInfo[o.timeliness];
        return (
          <Card
            key={o.id}
            withBorder
            style={{ borderLeft: `5px solid var(--mantine-color-${tl.color}-6)` }}
            data-testid={`occurrence-${o.id}`}
          >
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Group gap="xs">
                  <Text fw={600}>
                    {o.label}
                    {o.share_unit_name ? ` · ${t("bodies.share")} ${o.share_unit_name}` : ""}
                  </Text>
                  {o.shares && (
                    <Badge variant="light" color="blue" data-testid="shares-progress">
                      {o.shares.done}/{o.shares.total} {t("bodies.sharesDone")}
                    </Badge>
                  )}
                  {o.share_unit_valid_to && <Badge color="gray">{t("bodies.ceased")}</Badge>}
                  <Badge color={tl.color}>{tl[lang]}</Badge>
                  <Badge variant="outline" color="gray">
                    {stateInfo[o.state][lang]}
                  </Badge>
                </Group>
                <Text size="sm">
                  {o.due_on ? `${t("tasks.due")}: ${formatDate(o.due_on)}` : t("tasks.noDue")}
                  {o.original_due_on ? ` (${t("tasks.extendedFrom")} ${formatDate(o.original_due_on)})` : ""}
                  {o.completed_on ? ` · ${t("tasks.completedOn")} ${formatDate(o.completed_on)}` : ""}
                </Text>
              </Group>
              <Progress value={o.percent} color={tl.color} />
              <OccurrenceActions occurrence={o} task={d.task} onDone={refresh} />
              {o.updates.length > 0 && (
                <Timeline bulletSize={14} lineWidth={2} mt="xs">
                  {o.updates.map((u) => (
                    <Timeline.Item
                      key={u.id}
                      title={`${KINDS.has(u.kind) ? t(`updateKind.${u.kind}` as Key) : u.kind} — ${u.author_name}`}
                    >
                      <Text size="xs" c="dimmed">
                        {formatDateTime(u.created_at)}
                        {u.percent !== null ? ` · ${u.percent} %` : ""}
                        {u.due_after
                          ? ` · ${u.due_before ? formatDate(u.due_before) : "—"} → ${formatDate(u.due_after)}`
                          : ""}
                      </Text>
                      <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                        {u.text}
                      </Text>
                      {u.product && (
                        <Text size="sm">
                          {t("docs.product")}: {u.product}
                        </Text>
                      )}
                      {(u.links ?? []).map((l) => (
                        <Anchor key={l} href={l} target="_blank" rel="noreferrer" size="sm" display="block">
                          {l}
                        </Anchor>
                      ))}
                      {u.attachments.map((a) => (
                        <Anchor key={a.id} href={`/api/attachments/${a.id}`} size="sm" display="block">
                          {t("tasks.attachment")}: {a.original_name}
                        </Anchor>
                      ))}
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </Stack>
          </Card>
        );
      })}
      {d.audit.length > 0 && (
        <Card withBorder>
          <Text fw={600} mb={4}>
            {t("tasks.changes")}
          </Text>
          <List size="sm">
            {d.audit.map((a) => (
              <List.Item key={a.id}>
                {formatDateTime(a.at)} — {a.actor_name}: {actionLabel(a.action, lang)}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
      <Button variant="subtle" component={Link} to="/nhiem-vu" w="fit-content">
        {t("nav.tasks")}
      </Button>
    </Stack>
  );
}
