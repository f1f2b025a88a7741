/** Generate a report on demand: a body's 6-month/annual report or a plan's sơ kết/tổng kết → preview → download. */
import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../api.ts";
import { docLabel, usePlanGraph } from "../../documents.ts";
import { useI18n } from "../../i18n.tsx";
import { downloadReport, type GenerateInput, type ReportModel } from "../../reports.ts";
import { useSession } from "../../session.ts";
import { useOrgUnits } from "../../units.ts";
import { ReportPreview } from "./ReportPreview.tsx";

export function GeneratePanel() {
  const { t } = useI18n();
  const plans = usePlanGraph().data?.nodes.filter((n) => n.held && n.tasks > 0) ?? [];
  const units = useOrgUnits(null).data?.units ?? [];
  const me = useSession().data?.user;
  const [f, setF] = useState({
    kind: "six_month",
    documentId: "",
    unitId: me?.org_unit_id ? String(me.org_unit_id) : "",
    year: 2026,
    asOf: "",
  });
  const [error, setError] = useState<string | null>(null);
  const input = (): GenerateInput =>
    f.kind === "review_mid" || f.kind === "review_final"
      ? {
          kind: "review",
          documentId: Number(f.documentId),
          unitId: Number(f.unitId),
          stage: f.kind === "review_mid" ? "mid" : "final",
          asOf: f.asOf,
        }
      : {
          kind: "body",
          documentId: Number(f.documentId),
          unitId: Number(f.unitId),
          period: f.kind as "six_month" | "annual",
          year: f.year,
        };
  const preview = useMutation({
    mutationFn: () => api<{ model: ReportModel }>("POST", "/api/reports/generate", { report: input() }),
  });
  const review = f.kind.startsWith("review");
  return (
    <Stack>
      <Group align="end">
        <Select
          label={t("reports.kind")}
          value={f.kind}
          onChange={(v) => setF({ ...f, kind: v ?? "six_month" })}
          data={["six_month", "annual", "review_mid", "review_final"].map((k) => ({
            value: k,
            label: t(`reports.kind.${k}` as "reports.kind.six_month"),
          }))}
        />
        <Select
          label={t("reports.plan")}
          searchable
          value={f.documentId}
          onChange={(v) => setF({ ...f, documentId: v ?? "" })}
          data={plans.map((p) => ({ value: String(p.id), label: docLabel(p) }))}
          data-testid="generate-plan"
        />
        <Select
          label={t("reports.unit")}
          searchable
          value={f.unitId}
          onChange={(v) => setF({ ...f, unitId: v ?? "" })}
          data={units.map((u) => ({ value: String(u.id), label: u.fullName }))}
        />
        {review ? (
          <TextInput
            type="date"
            label={t("reports.asOf")}
            value={f.asOf}
            onChange={(e) => setF({ ...f, asOf: e.currentTarget.value })}
          />
        ) : (
          <NumberInput
            label={t("reports.year")}
            value={f.year}
            onChange={(v) => setF({ ...f, year: Number(v) })}
            w={100}
          />
        )}
        <Button onClick={() => preview.mutate()} loading={preview.isPending} data-testid="generate-preview">
          {t("reports.preview")}
        </Button>
        <Button
          variant="light"
          onClick={() => downloadReport(input(), "docx").catch((e) => setError(e.message))}
        >
          {t("reports.downloadDocx")}
        </Button>
        <Button
          variant="subtle"
          onClick={() => downloadReport(input(), "xlsx").catch((e) => setError(e.message))}
        >
          {t("reports.downloadXlsx")}
        </Button>
      </Group>
      {(preview.error || error) && <Alert color="red">{preview.error?.message ?? error}</Alert>}
      {preview.data && <ReportPreview model={preview.data.model} />}
    </Stack>
  );
}
