import { Badge, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { FormSection } from "../../../domain/educationLevels.ts";
import type { FigureProblem } from "../../../domain/figureChecks.ts";
import { NumberField } from "../../components/NumberField.tsx";
import { formatNumber } from "../../format.ts";
import type { Key } from "../../i18n.en.ts";
import { useI18n } from "../../i18n.tsx";
import type { DataForm, Draft } from "./instantChecks.ts";

type Field = DataForm["fields"][number];

const SECTION_KEY: Record<FormSection, Key> = {
  general: "figures.section.general",
  preschool: "figures.section.preschool",
  primary: "figures.section.primary",
  lower_secondary: "figures.section.lower_secondary",
  upper_secondary: "figures.section.upper_secondary",
  secondary: "figures.section.secondary",
};

/** The first field, in the order the page shows them, that has an error (the one to bring into view). */
export function firstFieldWithError(
  fields: readonly Field[],
  problems: Map<string, FigureProblem[]>,
  serverErrors: Map<string, string[]>,
): string | null {
  const hasError = (key: string) =>
    (problems.get(key) ?? []).some((p) => p.level === "error") || (serverErrors.get(key)?.length ?? 0) > 0;
  return fields.find((f) => hasError(f.key))?.key ?? null;
}

/** Brings a field into view and puts the cursor in it. */
export function scrollToField(key: string) {
  const input = document.querySelector<HTMLInputElement>(`[data-field="${CSS.escape(key)}"]`);
  input?.scrollIntoView({ block: "center" });
  input?.focus({ preventScroll: true });
}

interface Props {
  form: DataForm;
  draft: Draft;
  locked: boolean;
  /** The browser's own checks (instantChecks) and what the server refused, by field. */
  problems: Map<string, FigureProblem[]>;
  serverErrors: Map<string, string[]>;
  onValue: (key: string, value: number | null, unreadable: string | null) => void;
  onComment: (key: string, comment: string) => void;
}

/** The form in its sections (general, then each education level), each error beside its field. */
export function FormSections({ form, draft, locked, problems, serverErrors, onValue, onComment }: Props) {
  const { t } = useI18n();
  return (
    <Stack data-testid="form-table" gap="lg">
      {form.sections.map((section) => (
        <section key={section} data-testid="form-section" data-section={section}>
          <Title order={4} mb="xs">
            {t(SECTION_KEY[section])}
          </Title>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("figures.field")}</Table.Th>
                <Table.Th>{form.previousPeriod?.name ?? t("figures.previous")}</Table.Th>
                <Table.Th w={200}>{form.period.name}</Table.Th>
                <Table.Th>{t("figures.comment")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.fields
                .filter((x) => x.section === section)
                .map((x) => (
                  <FieldRow
                    key={x.key}
                    field={x}
                    draft={draft}
                    locked={locked}
                    problems={problems.get(x.key) ?? []}
                    serverErrors={serverErrors.get(x.key) ?? []}
                    onValue={onValue}
                    onComment={onComment}
                  />
                ))}
            </Table.Tbody>
          </Table>
        </section>
      ))}
    </Stack>
  );
}

function FieldRow({
  field: x,
  draft,
  locked,
  problems,
  serverErrors,
  onValue,
  onComment,
}: Omit<Props, "form" | "problems" | "serverErrors"> & {
  field: Field;
  problems: FigureProblem[];
  serverErrors: string[];
}) {
  const { t } = useI18n();
  const errorsHere = [
    ...new Set([...problems.filter((p) => p.level === "error").map((p) => p.message), ...serverErrors]),
  ];
  const warnings = problems.filter((p) => p.level === "warning").map((p) => p.message);
  return (
    <Table.Tr>
      <Table.Td pl={x.category ? "xl" : undefined}>
        <Text size="sm" c={x.category ? "dimmed" : undefined}>
          {x.name}
        </Text>
        {x.isSample && (
          <Badge size="xs" color="orange">
            {t("sample")}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{x.previous === null ? "—" : formatNumber(x.previous)}</Table.Td>
      <Table.Td>
        <NumberField
          size="xs"
          disabled={locked}
          aria-label={x.name}
          data-field={x.key}
          error={errorsHere.join(" ") || undefined}
          description={warnings.join(" ") || undefined}
          value={draft[x.key]?.value ?? null}
          onChange={(value, unreadable) => onValue(x.key, value, unreadable)}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          disabled={locked}
          value={draft[x.key]?.comment ?? ""}
          onChange={(e) => onComment(x.key, e.currentTarget.value)}
        />
      </Table.Td>
    </Table.Tr>
  );
}
