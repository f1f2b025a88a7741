import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { BREAKDOWNS, breakdownLabel } from "../../../domain/breakdowns.ts";
import { EDUCATION_LEVELS } from "../../../domain/educationLevels.ts";
import { ApiError } from "../../api.ts";
import { NumberField } from "../../components/NumberField.tsx";
import { formatNumber } from "../../format.ts";
import type { Key } from "../../i18n.en.ts";
import { useI18n } from "../../i18n.tsx";
import { type CatalogIndicator, indicatorKeys, saveIndicator, useIndicators } from "../../indicators.ts";

type Indicator = CatalogIndicator;

const TYPES = {
  rate: "catalog.type.rate",
  count: "catalog.type.count",
  units_meeting: "catalog.type.units_meeting",
  yes_no: "catalog.type.yes_no",
} as const satisfies Record<string, Key>;

function IndicatorForm(props: { editing: Indicator | null; onClose: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const e = props.editing;
  const [f, setF] = useState({
    code: e?.code ?? "",
    name: e?.name ?? "",
    definition: e?.definition ?? "",
    unit: e?.unit ?? "%",
    type: (e?.type ?? "rate") as keyof typeof TYPES,
    direction: e?.direction ?? "higher",
    level: e?.level === "school" ? "school" : "commune",
    multiplier: e?.multiplier ?? 100,
    gross: e?.gross ?? false,
    numerator: e?.numerator_name ?? "",
    denominator: e?.denominator_name ?? "",
    element: e?.element_name ?? "",
    breakdowns: (e?.breakdowns ?? []) as string[],
    valueKind: (e?.value_kind === "decimal" ? "decimal" : "count") as "count" | "decimal",
    minValue: e?.min_value ?? 0,
    maxValue: e?.max_value ?? 1_000_000,
    /** null for a new indicator until chosen: the server then reads the levels from the names. */
    educationLevels: (e ? e.education_levels : null) as string[] | null,
  });
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));
  const submit = async () => {
    setError(unreadable);
    if (unreadable) return;
    const body = {
      ...f,
      numerator: f.type === "rate" ? f.numerator : undefined,
      denominator: f.type === "rate" ? f.denominator : undefined,
      element: f.type === "rate" ? undefined : f.element,
      educationLevels: f.educationLevels ?? undefined,
      ...(e ? { version: e.version } : {}),
    };
    try {
      await saveIndicator(body, e?.id);
      void qc.invalidateQueries({ queryKey: indicatorKeys.all });
      props.onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={e ? t("catalog.edit") : t("catalog.add")} size="lg">
      <Stack>
        {error && (
          <Alert color="red" data-testid="catalog-error">
            {error}
          </Alert>
        )}
        <Group grow>
          <TextInput
            label={t("catalog.code")}
            required
            value={f.code}
            onChange={(x) => set({ code: x.currentTarget.value })}
          />
          <TextInput
            label={t("catalog.unit")}
            value={f.unit}
            onChange={(x) => set({ unit: x.currentTarget.value })}
          />
        </Group>
        <TextInput
          label={t("catalog.name")}
          required
          value={f.name}
          onChange={(x) => set({ name: x.currentTarget.value })}
        />
        <Textarea
          label={t("catalog.definition")}
          autosize
          minRows={2}
          value={f.definition}
          onChange={(x) => set({ definition: x.currentTarget.value })}
        />
        <Group grow>
          <Select
            label={t("catalog.type")}
            allowDeselect={false}
            value={f.type}
            onChange={(v) => set({ type: (v ?? "rate") as keyof typeof TYPES })}
            data={Object.entries(TYPES).map(([value, label]) => ({ value, label: t(label) }))}
          />
          <Select
            label={t("catalog.direction")}
            allowDeselect={false}
            value={f.direction}
            onChange={(v) => set({ direction: v === "lower" ? "lower" : "higher" })}
            data={[
              { value: "higher", label: t("catalog.direction.higher") },
              { value: "lower", label: t("catalog.direction.lower") },
            ]}
          />
          <Select
            label={t("catalog.level")}
            allowDeselect={false}
            value={f.level}
            onChange={(v) => set({ level: v === "school" ? "school" : "commune" })}
            data={[
              { value: "commune", label: t("catalog.level.commune") },
              { value: "school", label: t("catalog.level.school") },
            ]}
          />
        </Group>
        {f.type === "rate" ? (
          <>
            <TextInput
              label={t("catalog.numerator")}
              required
              value={f.numerator}
              onChange={(x) => set({ numerator: x.currentTarget.value })}
            />
            <TextInput
              label={t("catalog.denominator")}
              required
              value={f.denominator}
              onChange={(x) => set({ denominator: x.currentTarget.value })}
            />
            <Group grow>
              <NumberField
                label={t("catalog.multiplier")}
                value={f.multiplier}
                onChange={(v, why) => {
                  set({ multiplier: v ?? 100 });
                  setUnreadable(why);
                }}
              />
              <Checkbox
                mt="lg"
                label={t("catalog.gross")}
                checked={f.gross}
                onChange={(x) => set({ gross: x.currentTarget.checked })}
              />
            </Group>
          </>
        ) : (
          <TextInput
            label={t("catalog.element")}
            required
            value={f.element}
            onChange={(x) => set({ element: x.currentTarget.value })}
          />
        )}
        {f.type !== "yes_no" && f.type !== "units_meeting" && (
          <Group grow align="start">
            <Select
              label={t("catalog.valueKind")}
              value={f.valueKind}
              allowDeselect={false}
              onChange={(v) => set({ valueKind: v === "decimal" ? "decimal" : "count" })}
              data={[
                { value: "count", label: t("catalog.valueKind.count") },
                { value: "decimal", label: t("catalog.valueKind.decimal") },
              ]}
            />
            <NumberField
              label={t("catalog.minValue")}
              data-testid="catalog-min"
              value={f.minValue}
              onChange={(v, why) => {
                set({ minValue: v ?? 0 });
                setUnreadable(why);
              }}
            />
            <NumberField
              label={t("catalog.maxValue")}
              data-testid="catalog-max"
              value={f.maxValue}
              onChange={(v, why) => {
                set({ maxValue: v ?? 0 });
                setUnreadable(why);
              }}
            />
          </Group>
        )}
        <MultiSelect
          label={t("catalog.breakdowns")}
          value={f.breakdowns}
          onChange={(v) => set({ breakdowns: v })}
          data={BREAKDOWNS.map((b) => ({ value: b, label: breakdownLabel[b] }))}
        />
        <MultiSelect
          label={t("catalog.educationLevels")}
          description={t("catalog.educationLevelsHint")}
          value={f.educationLevels ?? []}
          onChange={(v) => set({ educationLevels: v })}
          data={EDUCATION_LEVELS.map((l) => ({ value: l, label: t(`figures.section.${l}`) }))}
        />
        <Group justify="end">
          <Button variant="default" onClick={props.onClose}>
            {t("cancel")}
          </Button>
          <Button onClick={() => void submit()} data-testid="catalog-save">
            {t("save")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Administrators keep the indicator catalog: add, edit (version checked), see breakdowns and sources. */
export function CatalogPage() {
  const { t } = useI18n();
  const list = useIndicators();
  const [editing, setEditing] = useState<Indicator | null | undefined>(undefined);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t("catalog.title")}</Title>
        <Button onClick={() => setEditing(null)} data-testid="catalog-add">
          {t("catalog.add")}
        </Button>
      </Group>
      {editing !== undefined && (
        <IndicatorForm key={editing?.id ?? "new"} editing={editing} onClose={() => setEditing(undefined)} />
      )}
      <Table striped highlightOnHover data-testid="catalog-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("catalog.code")}</Table.Th>
            <Table.Th>{t("catalog.name")}</Table.Th>
            <Table.Th>{t("catalog.type")}</Table.Th>
            <Table.Th>{t("catalog.level")}</Table.Th>
            <Table.Th>{t("catalog.breakdowns")}</Table.Th>
            <Table.Th>{t("catalog.range")}</Table.Th>
            <Table.Th>{t("catalog.planned")}</Table.Th>
            <Table.Th>{t("catalog.source")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.indicators ?? []).map((i) => (
            <Table.Tr key={i.id} style={{ cursor: "pointer" }} onClick={() => setEditing(i)}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {i.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{i.name}</Text>
                <Text size="xs" c="dimmed">
                  {i.type === "rate" ? `${i.numerator_name} ÷ ${i.denominator_name}` : i.element_name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(TYPES[i.type])}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {i.level === "school"
                    ? t("catalog.level.school")
                    : i.level === "commune"
                      ? t("catalog.level.commune")
                      : "—"}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {i.breakdowns.map((b) => (
                    <Badge key={b} size="xs" variant="light">
                      {breakdownLabel[b]}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="xs">
                  {i.value_kind === "yes_no"
                    ? t("catalog.valueKind.yesNo")
                    : i.min_value !== null && i.max_value !== null
                      ? `${formatNumber(i.min_value)} – ${formatNumber(i.max_value)}`
                      : "—"}
                </Text>
              </Table.Td>
              <Table.Td data-testid="catalog-planned">
                {i.planned.map((p) => (
                  <Text key={`${p.period}-${p.unit}`} size="xs">
                    {p.period}: {formatNumber(p.value)} {i.unit}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {i.source}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
