import { Alert, Anchor, Badge, Card, Group, List, Stack, Table, Tabs, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { docLabel, type TaskBody, useDocument } from "../../documents.ts";
import { formatDate, formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { describeTimeframe } from "../../timeframeText.ts";
import { AlignmentPanel } from "./AlignmentPanel.tsx";

function Bodies({ bodies, kind }: { bodies: TaskBody[]; kind: "lead" | "support" }) {
  const list = bodies.filter((b) => b.role === kind);
  return (
    <Stack gap={2}>
      {list.map((b) => (
        <Text key={`${b.role}-${b.text}`} size="sm" c={b.unit_id || b.set_kind ? undefined : "orange.8"}>
          {b.unit_name ?? b.text}
        </Text>
      ))}
    </Stack>
  );
}

const CMP: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

export function DocumentPage() {
  const { t, lang } = useI18n();
  const id = Number(useParams().id);
  const q = useDocument(id);
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return <Text>{t("loading")}</Text>;
  const { document: d, tasks, targets, indicators, references, implementedBy } = q.data;
  const columns = Object.keys(indicators[0]?.values ?? {});
  return (
    <Stack>
      <Anchor component={Link} to="/van-ban" size="sm">
        ← {t("nav.documents")}
      </Anchor>
      <Card withBorder>
        <Stack gap={6}>
          <Group gap="xs">
            <Title order={2}>{docLabel(d)}</Title>
            {d.issued_on && <Badge variant="light">{formatDate(d.issued_on)}</Badge>}
            {!d.issued_on && d.date_text && <Badge color="orange">{d.date_text}</Badge>}
          </Group>
          <Text fw={500}>{d.issuer_text}</Text>
          <Text>{d.title}</Text>
          {references.length > 0 && (
            <Group gap={6}>
              {references.map((r) => (
                <Badge
                  key={r.id}
                  variant={r.relation === "implements" ? "filled" : "outline"}
                  color={r.held ? "teal" : "gray"}
                  component={Link}
                  to={r.held ? `/van-ban/${r.id}` : "/van-ban"}
                  style={{ cursor: "pointer" }}
                >
                  {r.relation === "implements" ? t("docs.implements") : t("docs.cites")} {r.number}
                  {r.held ? "" : ` · ${t("docs.notHeld")}`}
                </Badge>
              ))}
            </Group>
          )}
          {implementedBy.length > 0 && (
            <Text size="sm">
              {t("docs.implementedBy")}:{" "}
              {implementedBy.map((r, i) => (
                <span key={r.id}>
                  {i > 0 && ", "}
                  <Anchor component={Link} to={`/van-ban/${r.id}`}>
                    {docLabel(r)}
                  </Anchor>
                </span>
              ))}
            </Text>
          )}
          {d.hasSource && (
            <Anchor href={`/api/documents/${d.id}/source`} target="_blank" size="sm">
              {t("docs.source")} ({d.source_name})
            </Anchor>
          )}
        </Stack>
      </Card>
      <Tabs defaultValue={tasks.length ? "tasks" : targets.length ? "targets" : "indicators"}>
        <Tabs.List>
          <Tabs.Tab value="tasks">
            {t("docs.tasks")} ({tasks.length})
          </Tabs.Tab>
          <Tabs.Tab value="targets">
            {t("docs.targets")} ({targets.length})
          </Tabs.Tab>
          <Tabs.Tab value="indicators">
            {t("docs.indicators")} ({indicators.length})
          </Tabs.Tab>
          <Tabs.Tab value="alignment">{t("align.tab")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="alignment" pt="md">
          <AlignmentPanel documentId={d.id} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <Table.ScrollContainer minWidth={800}>
            <Table striped verticalSpacing="xs" data-testid="document-tasks">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>TT</Table.Th>
                  <Table.Th>{t("docs.task")}</Table.Th>
                  <Table.Th>{t("docs.lead")}</Table.Th>
                  <Table.Th>{t("docs.support")}</Table.Th>
                  <Table.Th>{t("docs.time")}</Table.Th>
                  <Table.Th>{t("docs.product")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tasks.map((x) => {
                  const tf = describeTimeframe(x.timeframe, lang);
                  return (
                    <Table.Tr key={x.id}>
                      <Table.Td>{x.ref}</Table.Td>
                      <Table.Td maw={420}>
                        {x.group_title && x.ref !== x.group_ref && (
                          <Text size="xs" c="dimmed">
                            {x.group_ref}. {x.group_title}
                          </Text>
                        )}
                        <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                          {x.title}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Bodies bodies={x.bodies} kind="lead" />
                      </Table.Td>
                      <Table.Td>
                        <Bodies bodies={x.bodies} kind="support" />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{x.timeframe_text}</Text>
                        <Badge size="xs" variant="light" color={tf.color}>
                          {tf.label}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{x.product ?? x.note ?? ""}</Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Tabs.Panel>
        <Tabs.Panel value="targets" pt="md">
          <Table striped data-testid="document-targets">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t("docs.measure")}</Table.Th>
                <Table.Th>{t("docs.target")}</Table.Th>
                <Table.Th>{t("docs.year")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {targets.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.ref}</Table.Td>
                  <Table.Td>{x.measure}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {x.value === null
                      ? "—"
                      : `${x.comparator ? CMP[x.comparator] : ""} ${formatNumber(x.value)} ${x.unit ?? ""}`}
                  </Table.Td>
                  <Table.Td>
                    {x.school_year ? `${t("docs.schoolYear")} ${x.school_year}` : (x.year ?? "")}
                    {x.recurring && (
                      <Badge size="xs" ml={4} color="grape">
                        {t("docs.yearly")}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
        <Tabs.Panel value="indicators" pt="md">
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>TT</Table.Th>
                  <Table.Th>{t("docs.indicator")}</Table.Th>
                  <Table.Th>{t("docs.unit")}</Table.Th>
                  {columns.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {indicators.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.ref}</Table.Td>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.unit}</Table.Td>
                    {columns.map((c) => (
                      <Table.Td key={c}>
                        {r.values[c] == null ? "—" : formatNumber(r.values[c] as number)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Tabs.Panel>
      </Tabs>
      {d.warnings && d.warnings.length > 0 && (
        <Card withBorder>
          <Text fw={500} mb={4}>
            {t("docs.importWarnings")}
          </Text>
          <List size="sm">
            {d.warnings.map((w) => (
              <List.Item key={`${w.code}-${w.where}-${w.message}`}>
                {w.message}{" "}
                <Text span c="dimmed">
                  ({w.where})
                </Text>
              </List.Item>
            ))}
          </List>
        </Card>
      )}
    </Stack>
  );
}
