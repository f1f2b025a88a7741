import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fieldKey } from "../../../domain/breakdowns.ts";
import type { FigureProblem } from "../../../domain/figureChecks.ts";
import { refreshTargets } from "../../api/targets.ts";
import { ApiError } from "../../api.ts";
import { formatDate } from "../../format.ts";
import { type FormSaved, formKeys, useDataForm, useFormsStatus } from "../../forms.ts";
import type { Key } from "../../i18n.en.ts";
import { useI18n } from "../../i18n.tsx";
import { usePeriods } from "../../indicators.ts";
import { sendOrKeep } from "../../offline/outbox.ts";
import { useOutbox } from "../../offline/useOutbox.ts";
import { useSession } from "../../session.ts";
import { useEveryUnit } from "../../units.ts";
import { FormSections, firstFieldWithError, scrollToField } from "./FormSections.tsx";
import { type Draft, instantChecks } from "./instantChecks.ts";
import { ReviewDialog } from "./ReviewDialog.tsx";

/** The map without one field's entry (its server error goes once the field is edited). */
function dropKey(m: Map<string, string[]>, key: string): Map<string, string[]> {
  if (!m.has(key)) return m;
  const next = new Map(m);
  next.delete(key);
  return next;
}

const STATUS: Record<string, { key: Key; color: string }> = {
  draft: { key: "formStatus.draft", color: "gray" },
  submitted: { key: "formStatus.submitted", color: "blue" },
  approved: { key: "formStatus.approved", color: "teal" },
  returned: { key: "formStatus.returned", color: "orange" },
  not_started: { key: "formStatus.not_started", color: "red" },
};

/** A form's status in the reader's language (the raw code when the server sends one not known here). */
const statusText = (t: (key: Key) => string, status: string) => {
  const known = STATUS[status];
  return known ? t(known.key) : status;
};

/** What the server refused, by field (details.problems and details.rows of its refusal). */
function serverErrorsOf(details: unknown): Map<string, string[]> {
  const d = details as {
    problems?: { field?: string; level?: string; message: string }[];
    rows?: { field?: string; level?: string; message: string }[];
  } | null;
  const byField = new Map<string, string[]>();
  for (const p of [...(d?.problems ?? []), ...(d?.rows ?? [])])
    if (p.field && p.level !== "warning")
      byField.set(p.field, [...new Set([...(byField.get(p.field) ?? []), p.message])]);
  return byField;
}

/** An officer's form for their own unit; a coordinator's view of who has submitted and who is late. */
export function DataEntryPanel() {
  const { t } = useI18n();
  const session = useSession();
  const _user = session.data?.user;
  const qc = useQueryClient();
  const periods = usePeriods("school_year");
  const [periodId, setPeriodId] = useState<string | null>(null);
  const period = periodId ?? String(periods.data?.periods.find((p) => p.code === "2025SY")?.id ?? "");
  const unitId = session.data?.can?.enterFiguresFor ?? null;
  // kept: the form opens offline
  const form = useDataForm(unitId, period, { kept: true, retry: false });
  // a save of this form kept on the device (no link when it was made): its values are shown, not lost
  const userId = session.data?.user?.id ?? null;
  const kept = useOutbox(userId).find((i) => i.kind === "form" && i.subject === `${unitId}/${period}`);
  const [draft, setDraft] = useState<Draft>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [serverErrors, setServerErrors] = useState<Map<string, string[]>>(new Map());
  useEffect(() => {
    if (form.data)
      setDraft(
        Object.fromEntries(form.data.fields.map((f) => [f.key, { value: f.value, comment: f.comment }])),
      );
  }, [form.data]);
  // the figures of a kept save go over the server's once per kept save (after a reload, or when a
  // save is kept); a kept save leaving (sent, discarded) never resets what the person is typing
  const keptKey = kept?.key;
  const keptValues = kept?.json?.values as
    | { elementId: number; category: string; value: number | null; comment: string | null }[]
    | undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: applied once per kept save (its key), not on every read of the outbox
  useEffect(() => {
    if (!form.data || !keptValues) return;
    const fromDevice = keptValues.map(
      (v) => [fieldKey(v.elementId, v.category), { value: v.value, comment: v.comment }] as const,
    );
    setDraft((d) => ({ ...d, ...Object.fromEntries(fromDevice) }));
  }, [form.data, keptKey]);

  const save = async (submit: boolean) => {
    if (!form.data) return;
    const unreadable = form.data.fields.find((x) => draft[x.key]?.unreadable);
    if (unreadable) {
      setMessage({ ok: false, text: `${unreadable.name}: ${draft[unreadable.key]?.unreadable}` });
      scrollToField(unreadable.key);
      return;
    }
    // what the browser already knows is wrong is not sent: the first such field is brought into view
    const known = instantChecks(form.data, draft);
    const first = firstFieldWithError(form.data.fields, known, new Map());
    if (first) {
      const messages = [...known.values()].flat().filter((p) => p.level === "error");
      setMessage({ ok: false, text: `${t("figures.fixFirst")} ${messages.map((p) => p.message).join(" ")}` });
      scrollToField(first);
      return;
    }
    try {
      // kept on the device first, then sent with its own key: with no link it waits (offline/outbox.ts)
      const sent = await sendOrKeep({
        userId: userId ?? 0,
        kind: "form",
        method: "PUT",
        url: `/api/forms/${unitId}/${period}`,
        label: `${form.data.unit.full_name} — ${form.data.period.name}`,
        subject: `${unitId}/${period}`,
        json: {
          version: form.data.status.version,
          submit,
          values: Object.entries(draft).map(([key, v]) => ({
            elementId: Number(key.split("/")[0]),
            category: key.split("/")[1] ?? "",
            value: v.value,
            comment: v.comment || null,
          })),
        },
      });
      if (sent.queued) {
        setMessage({ ok: true, text: t("offline.queued") });
        return;
      }
      const r = sent.data as FormSaved;
      setMessage({ ok: true, text: [t("tasks.saved"), ...r.warnings.map((w) => w.message)].join(" ") });
      setServerErrors(new Map());
      void qc.invalidateQueries({ queryKey: formKeys.all });
      refreshTargets(qc);
    } catch (e) {
      setMessage({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
      const refused = e instanceof ApiError ? serverErrorsOf(e.details) : new Map<string, string[]>();
      setServerErrors(refused);
      const firstRefused = firstFieldWithError(form.data.fields, new Map(), refused);
      if (firstRefused) scrollToField(firstRefused);
    }
  };

  const periodSelect = (
    <Select
      label={t("figures.period")}
      w={220}
      value={period}
      onChange={setPeriodId}
      data={(periods.data?.periods ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
    />
  );
  if (!unitId) return <Completeness periodSelect={periodSelect} periodId={period} />;
  if (form.error) return <Alert color="orange">{(form.error as Error).message}</Alert>;
  const f = form.data;
  const problems = f ? instantChecks(f, draft) : new Map<string, FigureProblem[]>();
  const locked = f ? f.status.status === "submitted" || f.status.status === "approved" : true;
  return (
    <Stack>
      <Group align="end">
        {periodSelect}
        {f && (
          <Badge color={STATUS[f.status.status]?.color} size="lg" data-testid="form-status">
            {statusText(t, f.status.status)}
          </Badge>
        )}
      </Group>
      {f?.status.reason && <Alert color="orange">{f.status.reason}</Alert>}
      {kept && (
        <Alert color="blue" data-testid="form-kept">
          {t("offline.formFromDevice")}
        </Alert>
      )}
      {message && (
        <Alert
          color={message.ok ? "teal" : "red"}
          data-testid="form-message"
          withCloseButton
          onClose={() => setMessage(null)}
        >
          {message.text}
        </Alert>
      )}
      {f && (
        <FormSections
          form={f}
          draft={draft}
          locked={locked}
          problems={problems}
          serverErrors={serverErrors}
          onValue={(key, value, unreadable) => {
            setDraft((d) => ({ ...d, [key]: { comment: d[key]?.comment ?? null, value, unreadable } }));
            setServerErrors((m) => dropKey(m, key));
          }}
          onComment={(key, comment) => {
            setDraft((d) => ({ ...d, [key]: { value: d[key]?.value ?? null, comment } }));
            setServerErrors((m) => dropKey(m, key));
          }}
        />
      )}
      {f && !locked && (
        // the actions stay in sight at the foot of the window however long the form is
        <Group
          data-testid="form-actions"
          py="xs"
          style={{
            position: "sticky",
            bottom: 0,
            zIndex: 2,
            background: "var(--mantine-color-body)",
            borderTop: "1px solid var(--mantine-color-gray-3)",
          }}
        >
          <Button variant="light" onClick={() => void save(false)}>
            {t("figures.saveDraft")}
          </Button>
          <Button onClick={() => void save(true)} data-testid="form-submit">
            {t("figures.submit")}
          </Button>
          <Text size="xs" c="dimmed">
            {t("figures.deadline")} {formatDate(f.period.end_date)}
          </Text>
        </Group>
      )}
    </Stack>
  );
}

function Completeness({ periodSelect, periodId }: { periodSelect: React.ReactNode; periodId: string }) {
  const { t } = useI18n();
  const units = useEveryUnit();
  const provinceId = units.data?.units.find((u) => u.kind === "province")?.id;
  const status = useFormsStatus(periodId, provinceId);
  const [reviewing, setReviewing] = useState<{ id: number; name: string } | null>(null);
  const list = status.data?.units ?? [];
  const done = list.filter((u) => u.status === "submitted" || u.status === "approved").length;
  return (
    <Stack>
      <Group align="end">
        {periodSelect}
        <Text size="sm" data-testid="completeness">
          {t("figures.completeness")}: {done}/{list.length} · {t("figures.late")}:{" "}
          {list.filter((u) => u.late).length}
        </Text>
      </Group>
      {reviewing && (
        <ReviewDialog
          unitId={reviewing.id}
          unitName={reviewing.name}
          periodId={periodId}
          onClose={() => setReviewing(null)}
        />
      )}
      <Table striped>
        <Table.Tbody>
          {list.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.full_name}</Table.Td>
              <Table.Td>
                <Badge color={STATUS[u.status]?.color}>{statusText(t, u.status)}</Badge>
                {u.late && (
                  <Badge color="red" ml={4}>
                    {t("figures.late")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {u.status === "submitted" && (
                  <Button
                    size="compact-xs"
                    onClick={() => setReviewing({ id: u.id, name: u.full_name })}
                    data-testid="review-open"
                  >
                    {t("figures.review")}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
