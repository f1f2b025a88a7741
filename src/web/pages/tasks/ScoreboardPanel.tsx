import "@mantine/dates/styles.css";
import { Anchor, Group, Stack, Table, Text } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useState } from "react";
import { DataTime } from "../../components/DataTime.tsx";
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { useScoreboard } from "../../tasks.ts";
import { both } from "../../texts.ts";

const pct = (r: number | null) => (r === null ? "—" : `${formatNumber(Math.round(r * 1000) / 10)} %`);

/** Per lead body: assigned, done on time, done late, overdue, and the completion rate as published. */
export function ScoreboardPanel({
  documentId,
  onDrill,
}: {
  documentId: string | null;
  onDrill: (unitId: number) => void;
}) {
  const { t, lang } = useI18n();
  const [asOf, setAsOf] = useState<string | null>(null);
  const q = new URLSearchParams();
  if (asOf) q.set("asOf", asOf);
  if (documentId) q.set("documentId", documentId);
  const board = useScoreboard(q);
  return (
    <Stack>
      <Group align="end">
        <DateInput
          label={t("tasks.asOf")}
          clearable
          valueFormat="DD/MM/YYYY"
          locale={lang}
          w={160}
          value={asOf}
          onChange={setAsOf}
        />
        {board.data && (
          <Text size="sm" data-testid="scoreboard-total">
            {t("tasks.rateAt")} {formatDate(board.data.asOf)}: <b>{pct(board.data.total.rate)}</b> (
            {board.data.total.done} / {board.data.total.done + board.data.total.overdue})
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t("tasks.rateHelp")}
      </Text>
      <DataTime of={board.data} />
      <Table.ScrollContainer minWidth={760}>
        <Table striped data-testid="scoreboard">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("docs.lead")}</Table.Th>
              <Table.Th>{t("tasks.assigned")}</Table.Th>
              <Table.Th>{timeLabel("done_on_time", lang)}</Table.Th>
              <Table.Th>{timeLabel("done_late", lang)}</Table.Th>
              <Table.Th>{timeLabel("overdue", lang)}</Table.Th>
              <Table.Th>{timeLabel("in_time", lang)}</Table.Th>
              <Table.Th>{t("tasks.rate")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {board.data?.rows.map((r) => (
              <Table.Tr key={r.unit_id}>
                <Table.Td>
                  <Anchor component="button" onClick={() => onDrill(r.unit_id)}>
                    {r.unit_name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{r.assigned}</Table.Td>
                <Table.Td>{r.done_on_time}</Table.Td>
                <Table.Td>{r.done_late}</Table.Td>
                <Table.Td c={r.overdue ? "red" : undefined}>{r.overdue}</Table.Td>
                <Table.Td>{r.in_time + r.no_deadline}</Table.Td>
                <Table.Td fw={600}>{pct(r.rate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function timeLabel(k: "done_on_time" | "done_late" | "overdue" | "in_time", lang: "vi" | "en"): string {
  const l = {
    done_on_time: both("scoreboard.col.done_on_time"),
    done_late: both("scoreboard.col.done_late"),
    overdue: both("scoreboard.col.overdue"),
    in_time: both("scoreboard.col.in_time"),
  };
  return l[k][lang];
}
