import "@mantine/dates/styles.css";
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  ScrollArea,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { useState } from "react";
import { ApiError } from "../../api.ts";
import { saveDocument } from "../../documents.ts";
import { formatNumber } from "../../format.ts";
import { useI18n } from "../../i18n.tsx";
import { useEveryUnit } from "../../units.ts";
import { ReviewBodies } from "./ReviewBodies.tsx";
import { ReviewIndicators } from "./ReviewIndicators.tsx";
import { ReviewTargets } from "./ReviewTargets.tsx";
import { ReviewTasks } from "./ReviewTasks.tsx";
import type { Confirmed, PlanDraft } from "./reviewTypes.ts";

const INFO = new Set(["ROWS_MERGED", "HTML_REMOVED"]);

/** The draft beside its source, warnings first, every field editable; nothing is saved before "Lưu". */
export function ReviewScreen(props: {
  draft: PlanDraft;
  initial: Confirmed;
  onCancel: () => void;
  onSaved: (id: number) => void;
}) {
  const { t, lang } = useI18n();
  const [plan, setPlan] = useState<Confirmed>(props.initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const units = useEveryUnit();
  const doc = plan.document;
  const setDoc = (patch: Partial<Confirmed["document"]>) =>
    setPlan((p) => ({ ...p, document: { ...p.document, ...patch } }));
  const warnings = [...props.draft.warnings].sort(
    (a, b) => Number(INFO.has(a.code)) - Number(INFO.has(b.code)),
  );

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const r = await saveDocument(plan);
      props.onSaved(r.documentId);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack data-testid="review">
      <Group justify="space-between">
        <Title order={2}>{t("docs.review")}</Title>
        <Group>
          <Button variant="default" onClick={props.onCancel}>
            {t("cancel")}
          </Button>
          <Button onClick={() => void save()} loading={saving} data-testid="confirm-import">
            {t("docs.confirm")}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t("docs.reviewHelp")}
      </Text>
      {error && (
        <Alert color="red" data-testid="review-error">
          {error}
        </Alert>
      )}
      {props.draft.coverage.length > 0 && (
        <Group gap="xs" data-testid="review-coverage">
          <Text size="sm" fw={600} title={t("docs.coverageHelp")}>
            {t("docs.coverage")}:
          </Text>
          {props.draft.coverage.map((c) => (
            <Badge key={c.section} variant="light" color={c.used < c.seen ? "orange" : "green"}>
              {t(`docs.coverage.${c.section}`)} {c.used}/{c.seen} (
              {formatNumber(Math.round((c.used / c.seen) * 1000) / 10)} %)
            </Badge>
          ))}
        </Group>
      )}
      {warnings.length > 0 && (
        <Card withBorder data-testid="review-warnings">
          <Text fw={600} mb={4}>
            {t("docs.warnings")} ({warnings.length})
          </Text>
          <Stack gap={4}>
            {warnings.map((w) => (
              <Group key={`${w.code}-${w.where}-${w.message}`} gap={6} wrap="nowrap" align="start">
                <Badge size="xs" color={INFO.has(w.code) ? "gray" : "orange"} style={{ flexShrink: 0 }}>
                  {w.code}
                </Badge>
                <Text size="sm">
                  {w.message}{" "}
                  <Text span c="dimmed" size="xs">
                    ({w.where})
                  </Text>
                </Text>
              </Group>
            ))}
          </Stack>
        </Card>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder p="xs">
            <Text fw={600} size="sm" mb={4}>
              {t("docs.sourceText")} — {plan.source.name}
            </Text>
            <ScrollArea h="75vh">
              <Text size="xs" style={{ whiteSpace: "pre-wrap" }} data-testid="review-source">
                {plan.source.text}
              </Text>
            </ScrollArea>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Card withBorder>
              <Grid>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <Select
                    label={t("docs.type")}
                    value={doc.type}
                    onChange={(v) => setDoc({ type: v })}
                    // i18n-ignore: document type codes, the same in every language
                    data={["KH", "NQ", "QĐ", "CT", "CTr", "BC", "HD", "TB", "KL", "ĐA"]}
                    clearable
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <TextInput
                    label={t("docs.number")}
                    value={doc.number ?? ""}
                    onChange={(e) => setDoc({ number: e.currentTarget.value || null })}
                    data-testid="doc-number"
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <DateInput
                    label={t("docs.date")}
                    value={doc.issuedOn}
                    onChange={(v) => setDoc({ issuedOn: v })}
                    valueFormat="DD/MM/YYYY"
                    locale={lang}
                    clearable
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <TextInput
                    label={t("docs.issuer")}
                    value={doc.issuer ?? ""}
                    onChange={(e) => setDoc({ issuer: e.currentTarget.value || null })}
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <Textarea
                    label={t("docs.title")}
                    autosize
                    minRows={1}
                    value={doc.title ?? ""}
                    onChange={(e) => setDoc({ title: e.currentTarget.value || null })}
                  />
                </Grid.Col>
                <Grid.Col span={12}>
                  <Text size="sm" fw={500}>
                    {t("docs.references")}
                  </Text>
                  <Stack gap={4}>
                    {doc.references.map((r, i) => (
                      <Group key={r.number} gap="xs">
                        <Text size="sm" w={140}>
                          {r.number}
                        </Text>
                        <Select
                          size="xs"
                          w={170}
                          value={r.relation}
                          allowDeselect={false}
                          data={[
                            { value: "implements", label: t("docs.implements") },
                            { value: "cites", label: t("docs.cites") },
                          ]}
                          onChange={(v) =>
                            setDoc({
                              references: doc.references.map((x, j) =>
                                j === i ? { ...x, relation: v as "implements" | "cites" } : x,
                              ),
                            })
                          }
                        />
                        <Text size="xs" c="dimmed" lineClamp={1} maw={320}>
                          {r.issuer}
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                </Grid.Col>
              </Grid>
            </Card>
            <ReviewBodies draft={props.draft} plan={plan} setPlan={setPlan} units={units.data?.units ?? []} />
            <ReviewTasks plan={plan} setPlan={setPlan} />
            <ReviewTargets plan={plan} setPlan={setPlan} />
            <ReviewIndicators draft={props.draft} plan={plan} setPlan={setPlan} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
