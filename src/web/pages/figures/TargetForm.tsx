import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { refreshTargets, type TargetRow } from "../../api/targets.ts";
import { ApiError, api } from "../../api.ts";
import { ConfirmDialog } from "../../components/Dialogs.tsx";
import { NumberField } from "../../components/NumberField.tsx";
import { useDocument, usePlanGraph } from "../../documents.ts";
import { useI18n } from "../../i18n.tsx";
import { useIndicators } from "../../indicators.ts";
import { useOrgUnits } from "../../units.ts";

const COMPARATORS = [">=", ">", "<=", "<", "="] as const;

/** Add or edit a target: an indicator, the unit (or every commune), the value and year, a baseline. */
export function TargetForm(props: {
  editing: TargetRow | null;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const e = props.editing;
  const [form, setForm] = useState(() => ({
    indicatorId: e ? String(e.indicator_id) : null,
    scope: (e?.scope ?? "unit") as "unit" | "each_commune",
    unitId: e ? String(e.org_unit_id) : null,
    comparator: e?.comparator ?? ">=",
    value: e?.value ?? ("" as number | ""),
    dueYear: e?.due_year ?? 2030,
    recurring: e?.recurring ?? false,
    baselineValue: e?.baseline_value ?? ("" as number | ""),
    baselineYear: e?.baseline_year ?? ("" as number | ""),
    label: e?.label ?? "",
    documentId: e?.document_id ? String(e.document_id) : null,
  }));
  const [error, setError] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  // fields whose text is not a number yet: the save waits until they are read
  const [unreadableFields, setUnreadable] = useState<Record<string, string>>({});
  const unreadable = (field: string, why: string | null) =>
    setUnreadable(({ [field]: _, ...rest }) => (why ? { ...rest, [field]: why } : rest));
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const indicators = useIndicators();
  const units = useOrgUnits(null);
  // the same query (and key) as the documents page, so an import refreshes both
  const documents = usePlanGraph();
  const planTargets = useDocument(form.documentId ? Number(form.documentId) : null);
  const unitChoices = (units.data?.units ?? [])
    .filter((u) =>
      form.scope === "each_commune"
        ? u.kind === "province"
        : ["province", "commune", "ward"].includes(u.kind),
    )
    .map((u) => ({ value: String(u.id), label: u.fullName }));

  const submit = async () => {
    const why = Object.values(unreadableFields)[0];
    if (why) {
      setError(why);
      return;
    }
    setError(null);
    const body = {
      indicatorId: Number(form.indicatorId),
      unitId: Number(form.unitId),
      scope: form.scope,
      comparator: form.comparator,
      value: form.value === "" ? Number.NaN : Number(form.value),
      dueYear: Number(form.dueYear),
      recurring: form.recurring,
      baselineValue: form.baselineValue === "" ? null : Number(form.baselineValue),
      baselineYear: form.baselineYear === "" ? null : Number(form.baselineYear),
      label: form.label,
      documentId: form.documentId ? Number(form.documentId) : null,
      ...(e ? { version: e.version } : {}),
    };
    if (!form.indicatorId || !form.unitId || Number.isNaN(body.value)) {
      setError(t("targets.missing"));
      return;
    }
    try {
      await api(e ? "PUT" : "POST", e ? `/api/targets/${e.id}` : "/api/targets", body);
      refreshTargets(qc);
      props.onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  const remove = async () => {
    if (!e) return;
    try {
      await api("DELETE", `/api/targets/${e.id}?version=${e.version}`);
      refreshTargets(qc);
      props.onDeleted();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={e ? t("targets.edit") : t("targets.add")}
      size="lg"
    >
      <Stack data-testid="target-form">
        {error && (
          <Alert color="red" data-testid="target-error">
            {error}
          </Alert>
        )}
        <Select
          label={t("docs.indicator")}
          searchable
          required
          value={form.indicatorId}
          onChange={(v) => set({ indicatorId: v })}
          data={(indicators.data?.indicators ?? []).map((i) => ({
            value: String(i.id),
            label: `${i.code} — ${i.name}`,
          }))}
        />
        <SegmentedControl
          value={form.scope}
          onChange={(v) => set({ scope: v as typeof form.scope, unitId: null })}
          data={[
            { value: "unit", label: t("targets.oneUnit") },
            { value: "each_commune", label: t("targets.eachCommune") },
          ]}
        />
        <Select
          label={t("users.unit")}
          searchable
          required
          value={form.unitId}
          onChange={(v) => set({ unitId: v })}
          data={unitChoices}
        />
        <Group grow>
          <Select
            label={t("targets.comparator")}
            value={form.comparator}
            onChange={(v) => set({ comparator: v ?? ">=" })}
            data={COMPARATORS.map((c) => ({ value: c, label: t(`comparator.${c}`) }))}
            allowDeselect={false}
          />
          <NumberField
            label={t("docs.value")}
            required
            data-testid="target-value"
            value={form.value === "" ? null : Number(form.value)}
            onChange={(v, why) => {
              set({ value: v ?? "" });
              unreadable("value", why);
            }}
          />
          <NumberField
            label={t("targets.dueYear")}
            value={form.dueYear}
            onChange={(v, why) => {
              set({ dueYear: v ?? Number.NaN });
              unreadable("dueYear", why);
            }}
          />
        </Group>
        <Checkbox
          label={t("targets.recurring")}
          checked={form.recurring}
          onChange={(ev) => set({ recurring: ev.currentTarget.checked })}
        />
        <Group grow>
          <NumberField
            label={t("targets.baselineValue")}
            data-testid="target-baseline"
            value={form.baselineValue === "" ? null : Number(form.baselineValue)}
            onChange={(v, why) => {
              set({ baselineValue: v ?? "" });
              unreadable("baselineValue", why);
            }}
          />
          <NumberField
            label={t("targets.baselineYear")}
            value={form.baselineYear === "" ? null : Number(form.baselineYear)}
            onChange={(v, why) => {
              set({ baselineYear: v ?? "" });
              unreadable("baselineYear", why);
            }}
          />
        </Group>
        <Select
          label={t("targets.document")}
          searchable
          clearable
          value={form.documentId}
          onChange={(v) => set({ documentId: v })}
          data={(documents.data?.nodes ?? [])
            .filter((d) => d.held)
            .map((d) => ({
              value: String(d.id),
              label: [d.number, d.title].filter(Boolean).join(" — ") || `#${d.id}`,
            }))}
        />
        {(planTargets.data?.targets.length ?? 0) > 0 && (
          <Select
            label={t("targets.fromDocument")}
            searchable
            onChange={(v) => {
              const p = planTargets.data?.targets.find((x) => String(x.id) === v);
              if (!p) return;
              set({
                label: p.text,
                ...(p.value !== null ? { value: p.value } : {}),
                ...(p.year !== null ? { dueYear: p.year } : {}),
                ...(p.comparator ? { comparator: p.comparator } : {}),
                recurring: p.recurring,
              });
            }}
            data={(planTargets.data?.targets ?? []).map((p) => ({
              value: String(p.id),
              label: p.text.slice(0, 160),
            }))}
          />
        )}
        <Textarea
          label={t("targets.label")}
          required
          autosize
          minRows={2}
          value={form.label}
          onChange={(ev) => set({ label: ev.currentTarget.value })}
        />
        <Group justify="end">
          {e && (
            <Button color="red" variant="subtle" mr="auto" onClick={() => setConfirmingDelete(true)}>
              {t("targets.delete")}
            </Button>
          )}
          <Button variant="default" onClick={props.onClose}>
            {t("cancel")}
          </Button>
          <Button onClick={() => void submit()} data-testid="target-save">
            {t("save")}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirmingDelete}
        title={t("targets.confirmDeleteTitle")}
        message={t("targets.confirmDelete")}
        confirmLabel={t("targets.delete")}
        onConfirm={remove}
        onClose={() => setConfirmingDelete(false)}
        testId="target-delete-confirm"
      />
    </Modal>
  );
}
