/** The tables the report kinds share: tasks, targets, and one row per body. */
import { type TargetStatus, targetStatusLabel } from "../../domain/indicators.ts";
import { stateLabel } from "../../domain/status.ts";
import { vnDate, vnNumber } from "../format.ts";
import type { Cell, ReportTable } from "../model.ts";
import { BUCKET_LABEL, BUCKETS, type Bucket, bucketOf, type TargetItem, type TaskItem } from "./data.ts";

const COMPARATOR: Record<string, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=" };

function resultText(t: TaskItem): string {
  const parts = [...t.progress.slice(-2), ...t.products.map((p) => `Sản phẩm: ${p}`)];
  if (t.files.length > 0) parts.push(`Tệp: ${t.files.join(", ")}`);
  return parts.join("\n");
}

function taskRow(t: TaskItem, i: number, asOf: string, withLead: boolean): Cell[] {
  const due = t.due ? vnDate(t.due) : "Không thời hạn";
  const status = `${stateLabel[t.state]} — ${BUCKET_LABEL[bucketOf(t, asOf)]}${
    t.completedOn && t.completedOn <= asOf ? ` (${vnDate(t.completedOn)})` : ""
  }`;
  const cells: Cell[] = [String(i + 1), `${t.ref}. ${t.title}${t.label ? ` (${t.label})` : ""}`];
  cells.push(withLead ? t.lead : t.role === "lead" ? "Chủ trì" : "Phối hợp");
  cells.push(due, status, resultText(t));
  return cells;
}

/** Tasks, optionally grouped by where they stood on asOf (done on time, late, overdue, not due, none). */
export function tasksTable(
  id: string,
  title: string,
  items: TaskItem[],
  asOf: string,
  opts: { grouped: boolean; withLead: boolean },
): ReportTable {
  const columns = [
    { header: "TT", kind: "text" as const, width: 8 },
    { header: "Nhiệm vụ", kind: "text" as const, width: 48 },
    {
      header: opts.withLead ? "Cơ quan chủ trì" : "Vai trò",
      kind: "text" as const,
      width: opts.withLead ? 24 : 12,
    },
    { header: "Thời hạn", kind: "text" as const, width: 17 },
    { header: "Tình trạng", kind: "text" as const, width: 26 },
    { header: "Kết quả, sản phẩm", kind: "text" as const, width: 40 },
  ];
  if (!opts.grouped) {
    return {
      id,
      sheet: "Nhiệm vụ",
      title,
      columns,
      rows: items.map((t, i) => taskRow(t, i, asOf, opts.withLead)),
    };
  }
  const rows: Cell[][] = [];
  const groupRows: number[] = [];
  const roman = ["I", "II", "III", "IV", "V"];
  BUCKETS.forEach((b: Bucket, gi) => {
    const inGroup = items.filter((t) => bucketOf(t, asOf) === b);
    groupRows.push(rows.length);
    rows.push([`${roman[gi]}. ${BUCKET_LABEL[b]} (${vnNumber(inGroup.length)})`]);
    inGroup.forEach((t, i) => {
      rows.push(taskRow(t, i, asOf, opts.withLead));
    });
  });
  return { id, sheet: "Nhiệm vụ", title, columns, rows, groupRows };
}

export function targetsTable(
  id: string,
  title: string,
  targets: TargetItem[],
  withUnit: boolean,
): ReportTable {
  const columns = [
    { header: "TT", kind: "text" as const, width: 8 },
    { header: "Chỉ tiêu", kind: "text" as const, width: 44 },
    ...(withUnit ? [{ header: "Đơn vị áp dụng", kind: "text" as const, width: 18 }] : []),
    { header: "Ban đầu", kind: "text" as const, width: 14 },
    { header: "Mục tiêu", kind: "text" as const, width: 16 },
    { header: "Kết quả", kind: "text" as const, width: 16 },
    { header: "Đánh giá", kind: "text" as const, width: 16 },
    { header: "Số đơn vị đạt / có số liệu", kind: "text" as const, width: 16 },
  ];
  const rows = targets.map((t, i): Cell[] => {
    const unit = t.unit === "%" ? " %" : ` ${t.unit}`;
    const base =
      t.baseline === null
        ? ""
        : `${vnNumber(t.baseline)}${unit}${t.baselineYear ? ` (${t.baselineYear})` : ""}`;
    const target = `${COMPARATOR[t.comparator] ?? t.comparator} ${vnNumber(t.target)}${unit} (${t.dueYear})`;
    const current =
      t.current === null
        ? ""
        : `${vnNumber(t.current)}${unit}${t.currentPeriod ? ` (${t.currentPeriod})` : ""}`;
    const coverage = t.coverage
      ? `${vnNumber(t.coverage.count)} đạt / ${vnNumber(t.coverage.reported)} có số liệu / ${vnNumber(t.coverage.total)}`
      : "";
    return [
      String(i + 1),
      t.label,
      ...(withUnit ? [t.unitName] : []),
      base,
      target,
      current,
      targetStatusLabel[t.status as TargetStatus] ?? t.status,
      coverage,
    ];
  });
  return { id, sheet: "Chỉ tiêu", title, columns, rows };
}

export interface BodyResult {
  unitName: string;
  submission: string;
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inTime: number;
  noDeadline: number;
  rate: number | null;
}

export function bodiesTable(
  id: string,
  title: string,
  rows: BodyResult[],
  withSubmission: boolean,
): ReportTable {
  const columns = [
    { header: "TT", kind: "text" as const, width: 8 },
    { header: "Cơ quan, đơn vị", kind: "text" as const, width: 40 },
    ...(withSubmission ? [{ header: "Báo cáo", kind: "text" as const, width: 20 }] : []),
    { header: "Số nhiệm vụ", kind: "int" as const, width: 11 },
    { header: "HT đúng hạn", kind: "int" as const, width: 11 },
    { header: "HT quá hạn", kind: "int" as const, width: 11 },
    { header: "Chưa HT, quá hạn", kind: "int" as const, width: 11 },
    { header: "Chưa HT, trong hạn", kind: "int" as const, width: 11 },
    { header: "Không thời hạn", kind: "int" as const, width: 11 },
    { header: "Tỷ lệ hoàn thành", kind: "percent" as const, width: 12 },
  ];
  return {
    id,
    sheet: "Cơ quan, đơn vị",
    title,
    columns,
    rows: rows.map((r, i) => [
      String(i + 1),
      r.unitName,
      ...(withSubmission ? [r.submission] : []),
      r.assigned,
      r.doneOnTime,
      r.doneLate,
      r.overdue,
      r.inTime,
      r.noDeadline,
      r.rate,
    ]),
  };
}
