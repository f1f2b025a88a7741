import { Badge, Card, Stack, Table, TagsInput, Text, Textarea, TextInput } from "@mantine/core";
import { confirmedTimeframe } from "../../../domain/occurrences.ts";
import { useI18n } from "../../i18n.tsx";
import { describeTimeframe } from "../../timeframeText.ts";
import type { Confirmed, ReviewTask } from "./reviewTypes.ts";

export function ReviewTasks({
  plan,
  setPlan,
}: {
  plan: Confirmed;
  setPlan: (f: (p: Confirmed) => Confirmed) => void;
}) {
  const { t, lang } = useI18n();
  const update = (i: number, patch: Partial<ReviewTask>) =>
    setPlan((p) => ({ ...p, tasks: p.tasks.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t("docs.tasks")} ({plan.tasks.length})
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={4} data-testid="review-tasks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>TT</Table.Th>
              <Table.Th>{t("docs.task")}</Table.Th>
              <Table.Th w={220}>
                {t("docs.lead")} / {t("docs.support")}
              </Table.Th>
              <Table.Th w={220}>{t("docs.time")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.tasks.map((x, i) => {
              const tf = describeTimeframe(confirmedTimeframe(x.timeframeText, x.timeframeKind), lang);
              return (
                <Table.Tr key={x.ref}>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      value={x.ref}
                      onChange={(e) => update(i, { ref: e.currentTarget.value })}
                      aria-label="TT"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Textarea
                      size="xs"
                      autosize
                      minRows={1}
                      maxRows={6}
                      value={x.title}
                      onChange={(e) => update(i, { title: e.currentTarget.value })}
                      aria-label={`${t("docs.task")} ${x.ref}`}
                    />
                    {(x.product || x.note) && (
                      <TextInput
                        size="xs"
                        mt={4}
                        leftSection={<Text size="xs">SP</Text>}
                        value={x.product ?? x.note ?? ""}
                        onChange={(e) =>
                          update(
                            i,
                            x.product !== null
                              ? { product: e.currentTarget.value }
                              : { note: e.currentTarget.value },
                          )
                        }
                        aria-label={t("docs.product")}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <TagsInput
                        size="xs"
                        value={x.lead}
                        onChange={(v) => update(i, { lead: v })}
                        aria-label={t("docs.lead")}
                      />
                      <TagsInput
                        size="xs"
                        value={x.support}
                        onChange={(v) => update(i, { support: v })}
                        aria-label={t("docs.support")}
                      />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      value={x.timeframeText}
                      onChange={(e) => update(i, { timeframeText: e.currentTarget.value })}
                      aria-label={`${t("docs.time")} ${x.ref}`}
                    />
                    <Badge
                      size="xs"
                      mt={4}
                      variant="light"
                      color={tf.color}
                      style={{ whiteSpace: "normal", height: "auto" }}
                    >
                      {tf.label}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
