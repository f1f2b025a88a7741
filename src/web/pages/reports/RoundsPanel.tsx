/** Rounds: coordinators open one and follow who has submitted, who is late; bodies open their own report. */
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api.ts";
import { ReasonDialog } from "../../components/Dialogs.tsx";
import { docLabel, usePlanGraph } from "../../documents.ts";
import { formatDate } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import {
  downloadReport,
  type ReportChased,
  roundKeys,
  type Submission,
  useRound,
  useRounds,
} from "../../reports.ts";
import { useSession } from "../../session.ts";
import { useOrgUnits } from "../../units.ts";
import { chaseSummary } from "../tasks/chaseSummary.ts";
import { SubmissionEditor } from "./SubmissionEditor.tsx";

const STATUS_COLOR: Record<Submission["status"], string> = {
  pending: "gray",
  draft: "blue",
  submitted: "cyan",
  returned: "orange",
  accepted: "green",
};

function OpenRoundForm() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const plans = usePlanGraph().data?.nodes.filter((n) => n.held && n.tasks > 0) ?? [];
  const units = useOrgUnits(null).data?.units ?? [];
  const [form, setForm] = useState({
    kind: "six_month",
    documentId: "",
    year: 2026,
    dueOn: "",
    levelUnitId: "",
  });
  const open = useMutation({
    mutationFn: () =>
      api("POST", "/api/reports/rounds", {
        ...form,
        documentId: Number(form.documentId),
        levelUnitId: Number(form.levelUnitId),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: roundKeys.all }),
  });
  return (
    <Stack gap="xs">
      <Group align="end">
        <Select
          label={t("reports.kind")}
          value={form.kind}
          onChange={(v) => setForm({ ...form, kind: v ?? "six_month" })}
          data={["six_month", "annual", "review_mid", "review_final"].map((k) => ({
            value: k,
            label: t(`reports.kind.${k}` as "reports.kind.six_month"),
          }))}
        />
        <Select
          label={t("reports.plan")}
          searchable
          value={form.documentId}
          onChange={(v) => setForm({ ...form, documentId: v ?? "" })}
          data={plans.map((p) => ({ value: String(p.id), label: docLabel(p) }))}
        />
        <NumberInput
          label={t("reports.year")}
          value={form.year}
          onChange={(v) => setForm({ ...form, year: Number(v) })}
          w={100}
        />
        <TextInput
          type="date"
          label={t("reports.dueOn")}
          value={form.dueOn}
          onChange={(e) => setForm({ ...form, dueOn: e.currentTarget.value })}
        />
        <Select
          label={t("reports.level")}
          searchable
          value={form.levelUnitId}
          onChange={(v) => setForm({ ...form, levelUnitId: v ?? "" })}
          data={units
            .filter((u) => u.kind === "province" || u.kind === "commune" || u.kind === "ward")
            .map((u) => ({ value: String(u.id), label: u.fullName }))}
        />
        <Button onClick={() => open.mutate()} loading={open.isPending} data-testid="open-round">
          {t("reports.openRound")}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t("reports.openRoundHint")}
      </Text>
      {open.error && <Alert color="red">{open.error.message}</Alert>}
    </Stack>
  );
}

function RoundDetail({ id }: { id: number }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const q = useRound(id);
  // what the server's report policy allows (flags with the round and each submission)
  const manage = q.data?.can.manage === true;
  const [editing, setEditing] = useState<number | null>(null);
  const [returning, setReturning] = useState<Submission | null>(null);
  const [chased, setChased] = useState<string | null>(null);
  const act = useMutation({
    mutationFn: ({ s, action, reason }: { s: Submission; action: string; reason?: string }) =>
      api("POST", `/api/reports/submissions/${s.id}/${action}`, {
        version: s.version,
        ...(reason ? { reason } : {}),
      }),
    onSuccess: (answer, { action }) => {
      // a chase says whom it reached and who could not be reached, as a task's chase does
      setChased(action === "chase" ? chaseSummary(answer as ReportChased, t) : null);
      return qc.invalidateQueries({ queryKey: roundKeys.one(id) });
    },
  });
  if (!q.data) return null;
  const open = q.data.submissions.find((s) => s.id === editing);
  return (
    <Stack>
      <Group>
        <Text fw={700}>{q.data.round.title}</Text>
        <Text size="sm">
          {t("reports.dueOn")}: {formatDate(q.data.round.due_on)}
        </Text>
        <Button
          size="xs"
          variant="light"
          onClick={() => downloadReport({ kind: "compiled", roundId: id }, "docx")}
        >
          {t("reports.compiledDocx")}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          onClick={() => downloadReport({ kind: "compiled", roundId: id }, "xlsx")}
        >
          {t("reports.downloadXlsx")}
        </Button>
      </Group>
      {act.error && <Alert color="red">{act.error.message}</Alert>}
      {chased && (
        <Alert
          color="teal"
          withCloseButton
          onClose={() => setChased(null)}
          data-testid="chase-message"
          style={{ whiteSpace: "pre-line" }}
        >
          {chased}
        </Alert>
      )}
      <Table data-testid="submissions">
        <Table.Tbody>
          {q.data.submissions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.unit_name}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[s.status]}>
                  {t(`reports.status.${s.status}` as "reports.status.pending")}
                </Badge>
                {s.late && (
                  <Badge color="red" ml="xs">
                    {t("reports.late")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{s.submitted_at ? formatDate(s.submitted_at) : ""}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {s.can.write && (
                    <Button size="xs" onClick={() => setEditing(s.id)}>
                      {t("reports.write")}
                    </Button>
                  )}
                  {manage && s.status === "submitted" && (
                    <>
                      <Button size="xs" color="green" onClick={() => act.mutate({ s, action: "accept" })}>
                        {t("reports.accept")}
                      </Button>
                      <Button size="xs" color="orange" onClick={() => setReturning(s)}>
                        {t("reports.return")}
                      </Button>
                    </>
                  )}
                  {manage && ["pending", "draft", "returned"].includes(s.status) && (
                    <Button size="xs" variant="light" onClick={() => act.mutate({ s, action: "chase" })}>
                      {t("reports.chase")} {s.chase_count > 0 ? `(${s.chase_count})` : ""}
                    </Button>
                  )}
                  {!manage && !s.can.write && s.status !== "pending" && (
                    <Button size="xs" variant="subtle" onClick={() => setEditing(s.id)}>
                      {t("reports.view")}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ReasonDialog
        opened={returning !== null}
        title={`${t("reports.return")}: ${returning?.unit_name ?? ""}`}
        label={t("reports.returnReason")}
        requiredMessage={t("reports.returnReasonRequired")}
        confirmLabel={t("reports.return")}
        onConfirm={(reason) => returning && act.mutate({ s: returning, action: "return", reason })}
        onClose={() => setReturning(null)}
        testId="return-report-dialog"
      />
      {open && <SubmissionEditor key={`${open.id}-${open.version}`} sub={open} roundId={id} />}
    </Stack>
  );
}

export function RoundsPanel() {
  const { t } = useI18n();
  const manage = useSession().data?.can?.manageReportRounds === true;
  const rounds = useRounds().data?.rounds ?? [];
  const [selected, setSelected] = useState<number | null>(null);
  return (
    <Stack>
      {manage && <OpenRoundForm />}
      {rounds.length === 0 && <Text c="dimmed">{t("reports.noRounds")}</Text>}
      <Table>
        <Table.Tbody>
          {rounds.map((r) => (
            <Table.Tr
              key={r.id}
              onClick={() => setSelected(r.id)}
              style={{ cursor: "pointer" }}
              bg={selected === r.id ? "blue.0" : undefined}
            >
              <Table.Td>{r.title}</Table.Td>
              <Table.Td>{r.level_name}</Table.Td>
              <Table.Td>
                {t("reports.dueOn")}: {formatDate(r.due_on)}
              </Table.Td>
              <Table.Td>{`${r.received}/${r.asked} ${t("reports.received")}`}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {selected !== null && <RoundDetail id={selected} />}
    </Stack>
  );
}
