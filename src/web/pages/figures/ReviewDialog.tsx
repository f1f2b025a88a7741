import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "../../api.ts";
import { formatNumber } from "../../format.ts";
import { formKeys, reviewForm, useDataForm } from "../../forms.ts";
import { useI18n } from "../../i18n.tsx";
import { instantChecks } from "./instantChecks.ts";

/**
 * A coordinator opens a unit's submitted form before deciding: every figure beside last period's,
 * the comments, and the checks the server runs; approves, or returns it with a required reason.
 */
export function ReviewDialog(props: {
  unitId: number;
  unitName: string;
  periodId: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const form = useDataForm(props.unitId, props.periodId);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const f = form.data;
  const problems = f
    ? instantChecks(
        f,
        Object.fromEntries(f.fields.map((x) => [x.key, { value: x.value, comment: x.comment }])),
      )
    : new Map();
  const decide = async (decision: "approve" | "return") => {
    if (!f) return;
    if (decision === "return" && !reason.trim()) {
      setError(t("figures.reasonRequired"));
      return;
    }
    try {
      await reviewForm(props.unitId, props.periodId, {
        version: f.status.version,
        decision,
        reason: decision === "return" ? reason.trim() : "",
      });
      // the form and every status list sit under the same key
      void qc.invalidateQueries({ queryKey: formKeys.all });
      props.onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={`${t("figures.review")}: ${props.unitName}`} size="xl">
      <Stack data-testid="review-dialog">
        {error && <Alert color="red">{error}</Alert>}
        {f && (
          <Table striped data-testid="review-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("figures.field")}</Table.Th>
                <Table.Th>{f.previousPeriod?.name ?? t("figures.previous")}</Table.Th>
                <Table.Th>{f.period.name}</Table.Th>
                <Table.Th>{t("figures.comment")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {f.fields.map((x) => (
                <Table.Tr key={x.key}>
                  <Table.Td pl={x.category ? "xl" : undefined}>
                    <Text size="sm">{x.name}</Text>
                    {(problems.get(x.key) ?? []).map((p: { message: string; level: string }) => (
                      <Text key={p.message} size="xs" c={p.level === "error" ? "red" : "orange"}>
                        {p.message}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{x.previous === null ? "—" : formatNumber(x.previous)}</Table.Td>
                  <Table.Td>
                    {x.value === null ? "—" : formatNumber(x.value)}
                    {x.isSample && (
                      <Badge size="xs" color="orange" ml={4}>
                        {t("sample")}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{x.comment ?? ""}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Textarea
          label={t("tasks.reason")}
          description={t("figures.reasonHint")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-testid="review-reason"
        />
        <Group justify="end">
          <Button variant="default" onClick={props.onClose}>
            {t("cancel")}
          </Button>
          <Button
            color="orange"
            variant="light"
            onClick={() => void decide("return")}
            data-testid="review-return"
          >
            {t("tasks.return")}
          </Button>
          <Button onClick={() => void decide("approve")} data-testid="review-approve">
            {t("figures.approve")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
