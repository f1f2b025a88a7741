import { Alert, Anchor, Badge, Card, List, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { TargetVerdict } from "../../../domain/alignment.ts";
import { useAlignment } from "../../documents.ts";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";

const COLOR: Record<TargetVerdict, string> = {
  same: "gray",
  stricter: "teal",
  weaker: "red",
  dropped: "orange",
  added: "blue",
};

function targetText(
  x: {
    measure: string;
    comparator: string | null;
    value: number | null;
    unit: string | null;
    year: number | null;
  } | null,
) {
  if (!x) return "—";
  const value =
    x.value === null ? "" : ` ${x.comparator ?? ""} ${formatNumber(x.value)}${x.unit ? ` ${x.unit}` : ""}`;
  return `${x.measure}${value}${x.year ? ` (${x.year})` : ""}`;
}

/** How this plan lines up with the plans above it, and who has not issued a plan for it. */
export function AlignmentPanel({ documentId }: { documentId: number }) {
  const { t } = useI18n();
  const q = useAlignment(documentId);
  if (!q.data) return <Text c="dimmed">{t("loading")}</Text>;
  const a = q.data;
  return (
    <Stack>
      {a.parents.length === 0 && a.notHeldAbove.length === 0 && <Text c="dimmed">{t("align.none")}</Text>}
      {a.notHeldAbove.length > 0 && (
        <Alert color="orange" variant="light" data-testid="align-not-held">
          {t("align.notHeldAbove")} {a.notHeldAbove.map((m) => m.number ?? m.title).join(", ")}
        </Alert>
      )}
      {a.parents.map((p) => (
        <Card withBorder key={p.parent.id}>
          <Title order={4}>
            {t("align.against")}{" "}
            <Anchor component={Link} to={`/van-ban/${p.parent.id}`}>
              {p.parent.number ?? p.parent.title}
            </Anchor>
          </Title>
          {p.missing.length > 0 && (
            <Alert color="orange" variant="light" my="xs">
              {t("align.missing")} {p.missing.map((m) => m.number ?? m.title).join(", ")}
            </Alert>
          )}
          <Table.ScrollContainer minWidth={700}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("align.parentTarget")}</Table.Th>
                  <Table.Th>{t("align.ownTarget")}</Table.Th>
                  <Table.Th>{t("align.verdict")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.targets.map((x) => (
                  <Table.Tr key={`${x.parent?.id ?? "-"}-${x.child?.id ?? "-"}`}>
                    <Table.Td>{targetText(x.parent)}</Table.Td>
                    <Table.Td>{targetText(x.child)}</Table.Td>
                    <Table.Td>
                      <Badge color={COLOR[x.verdict]} variant="light">
                        {t(`align.verdict.${x.verdict}`)}
                      </Badge>
                      {x.reasons.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {x.reasons.join("; ")}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text fw={500} mt="sm">
            {t("align.tasksMissing")}
          </Text>
          {p.tasksWithoutCounterpart.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("align.tasksAllCovered")}
            </Text>
          ) : (
            <List size="sm">
              {p.tasksWithoutCounterpart.map((x) => (
                <List.Item key={x.id}>
                  {x.ref}. {x.title}
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      ))}
      {a.bodiesWithoutPlan.length > 0 && (
        <Card withBorder>
          <Text fw={500}>{t("align.bodiesWithoutPlan")}</Text>
          <List size="sm">
            {a.bodiesWithoutPlan.map((b) => (
              <List.Item key={b.unitId}>
                {b.name} — {formatNumber(b.tasks)} {t("align.tasksCount")}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
    </Stack>
  );
}
