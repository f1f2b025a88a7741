import { Card, Checkbox, NumberInput, Select, Table, Text, TextInput } from "@mantine/core";
import { useI18n } from "../../i18n.tsx";
import type { Confirmed } from "./reviewTypes.ts";

type Target = Confirmed["targets"][number];

export function ReviewTargets({
  plan,
  setPlan,
}: {
  plan: Confirmed;
  setPlan: (f: (p: Confirmed) => Confirmed) => void;
}) {
  const { t } = useI18n();
  if (plan.targets.length === 0) return null;
  const update = (i: number, patch: Partial<Target>) =>
    setPlan((p) => ({ ...p, targets: p.targets.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">
        {t("docs.targets")} ({plan.targets.length})
      </Text>
      <Table.ScrollContainer minWidth={800}>
        <Table verticalSpacing={4} data-testid="review-targets">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70} />
              <Table.Th>{t("docs.measure")}</Table.Th>
              <Table.Th w={80} />
              <Table.Th w={110}>{t("docs.value")}</Table.Th>
              <Table.Th w={90}>{t("docs.unit")}</Table.Th>
              <Table.Th w={90}>{t("docs.year")}</Table.Th>
              <Table.Th w={80}>{t("docs.yearly")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.targets.map((x, i) => (
              <Table.Tr key={x.ref}>
                <Table.Td>{x.ref}</Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={x.measure}
                    onChange={(e) => update(i, { measure: e.currentTarget.value })}
                    aria-label={t("docs.measure")}
                  />
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={[">=", ">", "=", "<=", "<"]}
                    value={x.comparator}
                    onChange={(v) => update(i, { comparator: v as Target["comparator"] })}
                    clearable
                    aria-label={t("review.comparator")}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    decimalSeparator=","
                    thousandSeparator="."
                    value={x.value ?? ""}
                    onChange={(v) => update(i, { value: typeof v === "number" ? v : null })}
                    aria-label={t("docs.value")}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    size="xs"
                    value={x.unit ?? ""}
                    onChange={(e) => update(i, { unit: e.currentTarget.value || null })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    size="xs"
                    value={x.year ?? ""}
                    thousandSeparator=""
                    onChange={(v) => update(i, { year: typeof v === "number" ? v : null })}
                    aria-label={t("docs.year")}
                  />
                </Table.Td>
                <Table.Td>
                  <Checkbox
                    checked={x.recurring}
                    onChange={(e) => update(i, { recurring: e.currentTarget.checked })}
                    aria-label={t("docs.yearly")}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
