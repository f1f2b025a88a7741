/**
 * One report, whatever it becomes: the DOCX layouts (ND 30 or Party), the XLSX tables and the HTML
 * preview all read this model, so what an official previews is what they download.
 */
export type CellKind = "text" | "int" | "number" | "percent";

export interface ReportColumn {
  header: string;
  kind: CellKind;
  /** Relative width (also the XLSX column width in characters). */
  width: number;
}

export type Cell = string | number | null;

export interface ReportTable {
  id: string;
  /** Sheet name in the XLSX (≤ 31 characters). */
  sheet: string;
  title: string;
  columns: ReportColumn[];
  rows: Cell[][];
  /** Rows that head a group (bold, merged) — by index into rows. */
  groupRows?: number[];
}

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "para"; text: string }
  /** Needs human judgement: shown as "[Nội dung cần đơn vị bổ sung: …]" until the body writes it. */
  | { kind: "judgement"; key: string; prompt: string; text: string | null }
  | { kind: "table"; table: ReportTable };

export interface Signature {
  /** "TM. ỦY BAN NHÂN DÂN" / "T/M BAN THƯỜNG VỤ" — empty when the head signs in their own name. */
  onBehalf: string;
  /** "KT. CHỦ TỊCH" / "K/T BÍ THƯ" or "CHỦ TỊCH". */
  capacity: string;
  /** "PHÓ CHỦ TỊCH" when signing for the head. */
  position: string;
  name: string;
}

export interface ReportModel {
  layout: "state" | "party";
  /** The body above the issuer, upper case ("UBND TỈNH LAI CHÂU", "ĐẢNG BỘ TỈNH LAI CHÂU"). */
  parentLine: string | null;
  issuerLine: string;
  symbol: string;
  number: number | null;
  place: string;
  issuedOn: string | null;
  year: number;
  summary: string;
  /** "Kính gửi" recipients when the report goes upward. */
  recipients: string[];
  body: Block[];
  /** Wide tables on landscape pages after the signature. */
  appendices: ReportTable[];
  noiNhan: string[];
  signature: Signature;
}

export const JUDGEMENT_MARK = "Nội dung cần đơn vị bổ sung";

export function judgementText(b: Extract<Block, { kind: "judgement" }>): string {
  return b.text?.trim() ? b.text : `[${JUDGEMENT_MARK}: ${b.prompt}]`;
}

/** Every table of a report, in order: those in the body, then the appendices. */
export function tablesOf(m: ReportModel): ReportTable[] {
  const inBody = m.body.flatMap((b) => (b.kind === "table" ? [b.table] : []));
  return [...inBody, ...m.appendices];
}
