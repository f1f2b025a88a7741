import { Anchor, Badge, Progress, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { formatDate } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { type RegisterRow, stateInfo, timelinessInfo } from "../../tasks.ts";

/** Register rows: one line per thing due, coloured by timeliness. */
export function TaskRows({ rows, showDocument = true }: { rows: RegisterRow[]; showDocument?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="task-rows">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("tasks.status")}</Table.Th>
            <Table.Th>{t("docs.task")}</Table.Th>
            <Table.Th>{t("docs.lead")}</Table.Th>
            <Table.Th>{t("tasks.due")}</Table.Th>
            <Table.Th>{t("tasks.progress")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const tl = timelinessInfo[r.timeliness];
            return (
              <Table.Tr
                key={r.id}
                data-timeliness={r.timeliness}
                style={{ borderLeft: `4px solid var(--mantine-color-${tl.color}-6)` }}
              >
                <Table.Td>
                  <Badge color={tl.color} variant="light" size="sm">
                    {tl[lang]}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {stateInfo[r.state][lang]}
                  </Text>
                </Table.Td>
                <Table.Td maw={480}>
                  <Anchor component={Link} to={`/nhiem-vu/${r.task_id}`} size="sm" lineClamp={2}>
                    {r.ref}. {r.title}
                  </Anchor>
                  {showDocument && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {r.document_number ?? t("tasks.unnumbered")} · {r.label}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.lead ?? "—"}</Text>
                  {r.lead_ceased && (
                    <Badge color="gray" variant="outline" size="xs" data-testid="lead-ceased">
                      {t("bodies.ceased")}
                    </Badge>
                  )}
                  {(r.shares_total ?? 0) > 0 && (
                    <Text size="xs" c="dimmed" data-testid="shares-progress">
                      {r.shares_done ?? 0}/{r.shares_total} {t("bodies.sharesDone")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <Text size="sm">{r.due_on ? formatDate(r.due_on) : "—"}</Text>
                  {r.original_due_on && (
                    <Text size="xs" c="dimmed">
                      {t("tasks.extendedFrom")} {formatDate(r.original_due_on)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={120}>
                  <Progress value={r.percent} size="sm" color={tl.color} />
                  <Text size="xs">{r.percent} %</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
