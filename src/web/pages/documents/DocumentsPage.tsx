import { Anchor, Badge, Button, Group, List, Stack, Table, Tabs, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { docLabel, type GraphEdge, type GraphNode, usePlanGraph } from "../../documents.ts";
import { formatDate } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";

function NodeLine({ n }: { n: GraphNode }) {
  const { t } = useI18n();
  return (
    <Group gap={6} wrap="wrap">
      {n.held ? (
        <Anchor component={Link} to={`/van-ban/${n.id}`} fw={600}>
          {docLabel(n)}
        </Anchor>
      ) : (
        <Text fw={600}>{docLabel(n)}</Text>
      )}
      {n.issuedOn && (
        <Text size="sm" c="dimmed">
          {formatDate(n.issuedOn)}
        </Text>
      )}
      {!n.held && (
        <Badge color="gray" variant="outline" size="sm">
          {t("docs.notHeld")}
        </Badge>
      )}
      {n.held && (
        <Badge variant="light" size="sm">
          {n.tasks} {t("docs.tasks")} · {n.targets} {t("docs.targets")}
        </Badge>
      )}
      <Text size="sm" c="dimmed" lineClamp={1} maw={560}>
        {n.issuer ? `${n.issuer}${n.title ? " — " : ""}` : ""}
        {n.title ?? ""}
      </Text>
    </Group>
  );
}

/** The cascade: each document with, under it, the documents that implement it. */
function Cascade({ nodes, edges }: { nodes: GraphNode[]; edges: GraphEdge[] }) {
  const implementsEdges = edges.filter((e) => e.relation === "implements");
  const parentsOf = new Map<number, number[]>();
  const childrenOf = new Map<number, number[]>();
  for (const e of implementsEdges) {
    parentsOf.set(e.from, [...(parentsOf.get(e.from) ?? []), e.to]);
    childrenOf.set(e.to, [...(childrenOf.get(e.to) ?? []), e.from]);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const roots = nodes.filter((n) => !parentsOf.has(n.id) && (childrenOf.has(n.id) || n.held));
  const render = (id: number, seen: Set<number>): React.ReactNode => {
    const n = byId.get(id);
    if (!n || seen.has(id)) return null;
    const next = new Set(seen).add(id);
    const kids = childrenOf.get(id) ?? [];
    return (
      <List.Item key={`${[...seen].join("-")}-${id}`}>
        <NodeLine n={n} />
        {kids.length > 0 && (
          <List withPadding listStyleType="none" mt={4}>
            {kids.map((k) => render(k, next))}
          </List>
        )}
      </List.Item>
    );
  };
  return (
    <List listStyleType="none" spacing="sm" data-testid="cascade">
      {roots.map((r) => render(r.id, new Set()))}
    </List>
  );
}

export function DocumentsPage() {
  const { t } = useI18n();
  const graph = usePlanGraph();
  const canImport = graph.data?.can.import ?? false;
  const nodes = graph.data?.nodes ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("nav.documents")}</Title>
        {canImport && (
          <Button component={Link} to="/van-ban/nhap">
            {t("docs.import")}
          </Button>
        )}
      </Group>
      {graph.data && nodes.length === 0 && <Text c="dimmed">{t("docs.empty")}</Text>}
      <Tabs defaultValue="cascade">
        <Tabs.List>
          <Tabs.Tab value="cascade">{t("docs.cascade")}</Tabs.Tab>
          <Tabs.Tab value="list">{t("docs.list")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="cascade" pt="md">
          {graph.data && <Cascade nodes={graph.data.nodes} edges={graph.data.edges} />}
        </Tabs.Panel>
        <Tabs.Panel value="list" pt="md">
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("docs.number")}</Table.Th>
                  <Table.Th>{t("docs.date")}</Table.Th>
                  <Table.Th>{t("docs.issuer")}</Table.Th>
                  <Table.Th>{t("docs.title")}</Table.Th>
                  <Table.Th>{t("docs.tasks")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {nodes.map((n) => (
                  <Table.Tr key={n.id}>
                    <Table.Td>
                      {n.held ? (
                        <Anchor component={Link} to={`/van-ban/${n.id}`}>
                          {docLabel(n)}
                        </Anchor>
                      ) : (
                        <>
                          {docLabel(n)}{" "}
                          <Badge size="xs" color="gray" variant="outline">
                            {t("docs.notHeld")}
                          </Badge>
                        </>
                      )}
                    </Table.Td>
                    <Table.Td>{formatDate(n.issuedOn)}</Table.Td>
                    <Table.Td>{n.issuer}</Table.Td>
                    <Table.Td>{n.title}</Table.Td>
                    <Table.Td>{n.held ? n.tasks : ""}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
