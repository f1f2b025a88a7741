import { Alert, Button, FileInput, Group, List, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { draftToConfirmed } from "../../../import/toConfirmed.ts";
import { ApiError } from "../../api.ts";
import { documentKeys, readDraft } from "../../documents.ts";
import { useI18n } from "../../i18n.tsx";
import { ReviewScreen } from "./ReviewScreen.tsx";
import type { Confirmed, PlanDraft } from "./reviewTypes.ts";

export function ImportPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [review, setReview] = useState<{ draft: PlanDraft; plan: Confirmed } | null>(null);
  const navigate = useNavigate();
  const qc = useQueryClient();

  const read = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await readDraft(file);
      // the contract keeps a warning's code as text (a code the importer learns never breaks the
      // answer); the review reads the importer's own codes
      const draft = r.draft as PlanDraft;
      setReview({ draft, plan: draftToConfirmed(draft, r.source) });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (review) {
    return (
      <ReviewScreen
        draft={review.draft}
        initial={review.plan}
        onCancel={() => setReview(null)}
        onSaved={(id) => {
          // the cascade, every document and its alignment: all under one key
          void qc.invalidateQueries({ queryKey: documentKeys.all });
          navigate(`/van-ban/${id}`);
        }}
      />
    );
  }
  return (
    <Stack maw={640}>
      <Title order={2}>{t("docs.import")}</Title>
      <Text size="sm">{t("docs.importHelp")}</Text>
      <List size="sm">
        <List.Item>{t("docs.importStep1")}</List.Item>
        <List.Item>{t("docs.importStep2")}</List.Item>
        <List.Item>{t("docs.importStep3")}</List.Item>
      </List>
      {error && (
        <Alert color="red" data-testid="import-error">
          {error}
        </Alert>
      )}
      <FileInput
        label={t("docs.file")}
        placeholder=".txt, .md, .docx, .pdf"
        accept=".txt,.md,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        value={file}
        onChange={setFile}
        clearable
        data-testid="import-file"
      />
      <Group>
        <Button onClick={() => void read()} disabled={!file} loading={busy}>
          {t("docs.read")}
        </Button>
      </Group>
    </Stack>
  );
}
