/** The report as it will print: the same model the DOCX is made from, as HTML, with the body's parts editable. */
import { Paper, Table, Text, Textarea } from "@mantine/core";
import { vnNumber, vnPercent } from "../../../reports/format.ts";
import { useI18n } from "../../i18n.tsx";
import type { Block, ReportModel, ReportTable } from "../../reports.ts";

function cell(v: string | number | null, kind: string): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  return kind === "percent" ? vnPercent(v) : vnNumber(v);
}

export function DataTable({ table }: { table: ReportTable }) {
  const groups = new Set(table.groupRows ?? []);
  return (
    <Table withTableBorder withColumnBorders fz="xs" mb="md">
      <Table.Thead>
        <Table.Tr>
          {table.columns.map((c) => (
            <Table.Th key={c.header}>{c.header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their place
          <Table.Tr key={i}>
            {groups.has(i) ? (
              <Table.Td colSpan={table.columns.length} fw={700}>
                {r[0]}
              </Table.Td>
            ) : (
              table.columns.map((c, k) => (
                <Table.Td
                  key={c.header}
                  ta={c.kind === "text" ? "left" : "right"}
                  style={{ whiteSpace: "pre-line" }}
                >
                  {cell(r[k] ?? null, c.kind)}
                </Table.Td>
              ))
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function BlockView({ b, onEdit }: { b: Block; onEdit?: (key: string, text: string) => void }) {
  const { t } = useI18n();
  if (b.kind === "heading")
    return (
      <Text fw={700} fs={b.level === 3 ? "italic" : undefined} mt="xs">
        {b.text}
      </Text>
    );
  if (b.kind === "para")
    return (
      <Text size="sm" style={{ textIndent: "1.27cm", textAlign: "justify" }}>
        {b.text}
      </Text>
    );
  if (b.kind === "table") return <DataTable table={b.table} />;
  if (onEdit) {
    return (
      <Textarea
        label={`${t("reports.judgement")}: ${b.prompt}`}
        value={b.text ?? ""}
        autosize
        minRows={2}
        data-testid={`judgement-${b.key}`}
        onChange={(e) => onEdit(b.key, e.currentTarget.value)}
      />
    );
  }
  return (
    <Text size="sm" fs="italic" c={b.text ? undefined : "orange.8"}>
      {b.text || `[${t("reports.judgementMark")}: ${b.prompt}]`}
    </Text>
  );
}

export function ReportPreview({
  model,
  onEdit,
}: {
  model: ReportModel;
  onEdit?: (key: string, text: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="lg" data-testid="report-preview" style={{ fontFamily: "'Times New Roman', serif" }}>
      <Text ta="center" size="sm">
        {model.parentLine?.toLocaleUpperCase("vi-VN")}
      </Text>
      <Text ta="center" fw={700} size="sm">
        {model.issuerLine.toLocaleUpperCase("vi-VN")}
      </Text>
      <Text ta="center" fw={700} mt="md">
        {/* i18n-ignore: the official document's own words, Vietnamese in either interface language */}
        BÁO CÁO
      </Text>
      <Text ta="center" fw={700}>
        {model.summary}
      </Text>
      {model.recipients.length > 0 && (
        <Text ta="center" size="sm">
          {/* i18n-ignore: the official document's own words */}
          Kính gửi: {model.recipients.join("; ")}
        </Text>
      )}
      {model.body.map((b, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks are in document order
        <BlockView key={i} b={b} onEdit={onEdit} />
      ))}
      {model.appendices.map((a, i) => (
        <div key={a.id}>
          <Text ta="center" fw={700} mt="lg">{`${t("reports.appendix")} ${i + 1}: ${a.title}`}</Text>
          <DataTable table={a} />
        </div>
      ))}
    </Paper>
  );
}

/** The model with the body's own words put in place. */
export function withJudgements(model: ReportModel, content: Record<string, string>): ReportModel {
  return {
    ...model,
    body: model.body.map((b) =>
      b.kind === "judgement" && b.key in content ? { ...b, text: content[b.key] ?? null } : b,
    ),
  };
}
