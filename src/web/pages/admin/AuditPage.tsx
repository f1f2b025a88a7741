import "@mantine/dates/styles.css";
import { Code, Group, Pagination, Spoiler, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { actionLabel } from "../../actionLabels.ts";
import { useAuditPage } from "../../audit.ts";
import { formatDateTime, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";

const PAGE_SIZE = 50;

function Change({ before, after }: { before: unknown; after: unknown }) {
  if (before == null && after == null) return <Text c="dimmed">—</Text>;
  return (
    <Spoiler maxHeight={48} showLabel="…" hideLabel="▲">
      {before != null && <Code block>{JSON.stringify(before, null, 1)}</Code>}
      {before != null && after != null && <Text size="xs">→</Text>}
      {after != null && <Code block>{JSON.stringify(after, null, 1)}</Code>}
    </Spoiler>
  );
}

export function AuditPage() {
  const { t, lang } = useI18n();
  const [text, setText] = useState("");
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (debounced) params.set("q", debounced);
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  const q = useAuditPage(params);
  const total = q.data?.total ?? 0;

  return (
    <Stack>
      <Title order={2}>{t("audit.title")}</Title>
      <Group align="end">
        <TextInput
          label={t("audit.filterText")}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPage(1);
          }}
        />
        <DateInput
          label={t("audit.from")}
          value={from}
          onChange={setFrom}
          valueFormat="DD/MM/YYYY"
          locale={lang}
          clearable
          w={150}
        />
        <DateInput
          label={t("audit.to")}
          value={to}
          onChange={setTo}
          valueFormat="DD/MM/YYYY"
          locale={lang}
          clearable
          w={150}
        />
        <Text size="sm" c="dimmed" data-testid="audit-total">
          {formatNumber(total)} {t("audit.total")}
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("audit.time")}</Table.Th>
              <Table.Th>{t("audit.actor")}</Table.Th>
              <Table.Th>{t("audit.action")}</Table.Th>
              <Table.Th>{t("audit.entity")}</Table.Th>
              <Table.Th>{t("audit.change")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data?.entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{e.actor_name}</Table.Td>
                <Table.Td>
                  <Text size="sm">{actionLabel(e.action, lang)}</Text>
                  <Code>{e.action}</Code>
                </Table.Td>
                <Table.Td>
                  {e.entity}
                  {e.entity_id ? ` #${e.entity_id}` : ""}
                </Table.Td>
                <Table.Td maw={420}>
                  <Change before={e.before} after={e.after} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > PAGE_SIZE && (
        <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={setPage} />
      )}
    </Stack>
  );
}
