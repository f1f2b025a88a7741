/** A body writes its report: the generated draft, its own words in the marked parts, save, submit, scan. */
import { Alert, Button, FileButton, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, upload } from "../../api.ts";
import { ConfirmDialog } from "../../components/Dialogs.tsx";
import { useI18n } from "../../i18n.tsx";
import { downloadReport, type ReportModel, roundKeys, type Submission } from "../../reports.ts";
import { ReportPreview, withJudgements } from "./ReportPreview.tsx";

export function SubmissionEditor({ sub, roundId }: { sub: Submission; roundId: number }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [content, setContent] = useState<Record<string, string>>(sub.content ?? {});
  const [error, setError] = useState<string | null>(null);
  const input = { kind: "submission" as const, submissionId: sub.id };
  const draft = useQuery({
    queryKey: roundKeys.draft(sub.id),
    queryFn: () => api<{ model: ReportModel }>("POST", "/api/reports/generate", { report: input }),
  });
  const done = () => qc.invalidateQueries({ queryKey: roundKeys.one(roundId) });
  const write = useMutation({
    mutationFn: (action: "draft" | "submit") =>
      api("POST", `/api/reports/submissions/${sub.id}/${action}`, { version: sub.version, content }),
    onSuccess: () => {
      setError(null);
      return done();
    },
    onError: (e: Error) => setError(e.message),
  });
  const editable = ["pending", "draft", "returned"].includes(sub.status);
  // the parts that need the body's own judgement and are still blank: asked about before submitting
  const [emptyParts, setEmptyParts] = useState<string[]>([]);
  const submit = () => {
    const blank = (draft.data?.model.body ?? []).flatMap((b) =>
      b.kind === "judgement" && !(content[b.key] ?? b.text ?? "").trim() ? [b.prompt] : [],
    );
    if (blank.length > 0) setEmptyParts(blank);
    else write.mutate("submit");
  };
  const attach = async (file: File | null) => {
    if (!file) return;
    try {
      await upload(`/api/reports/submissions/${sub.id}/scan?version=${sub.version}`, file);
      setError(null);
      await done();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack>
      {sub.reason && sub.status === "returned" && (
        <Alert color="orange" title={t("reports.returnedTitle")}>
          {sub.reason}
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      <ConfirmDialog
        opened={emptyParts.length > 0}
        title={t("reports.emptyTitle")}
        message={t("reports.emptyMessage").replace("{parts}", emptyParts.join("; "))}
        confirmLabel={t("reports.submitAnyway")}
        onConfirm={() =>
          write.mutateAsync("submit").then(
            () => undefined,
            () => undefined,
          )
        }
        onClose={() => setEmptyParts([])}
        testId="empty-parts-dialog"
      />
      <Group>
        {editable && (
          <>
            <Button variant="default" onClick={() => write.mutate("draft")} loading={write.isPending}>
              {t("reports.saveDraft")}
            </Button>
            <Button onClick={submit} loading={write.isPending} data-testid="submit-report">
              {t("reports.submit")}
            </Button>
            <FileButton onChange={attach} accept="application/pdf,image/png,image/jpeg">
              {(props) => (
                <Button variant="light" {...props}>
                  {t("reports.attachScan")}
                </Button>
              )}
            </FileButton>
          </>
        )}
        <Button
          variant="subtle"
          onClick={() => downloadReport(input, "docx").catch((e) => setError(e.message))}
        >
          {t("reports.downloadDocx")}
        </Button>
        <Button
          variant="subtle"
          onClick={() => downloadReport(input, "xlsx").catch((e) => setError(e.message))}
        >
          {t("reports.downloadXlsx")}
        </Button>
      </Group>
      {sub.scan_name && (
        <Text size="sm">
          {t("reports.scan")}: <a href={`/api/reports/submissions/${sub.id}/scan`}>{sub.scan_name}</a>
        </Text>
      )}
      {draft.data && (
        <ReportPreview
          model={withJudgements(draft.data.model, content)}
          onEdit={editable ? (key, text) => setContent({ ...content, [key]: text }) : undefined}
        />
      )}
    </Stack>
  );
}
