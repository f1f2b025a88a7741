import type { Timeframe } from "../domain/timeframe.ts";

/** What the importer read from one plan document, before a person confirms it. */
export interface PlanDraft {
  document: DocumentDraft;
  targets: TargetDraft[];
  tasks: TaskDraft[];
  indicators: IndicatorDraft[];
  /** The value columns of the indicator table: results or targets, and the period each header names. */
  indicatorColumns?: import("./grammar/indicatorTablePeriods.ts").IndicatorColumn[];
  /** Every body named as lead or support, resolved to a unit where possible. */
  bodies: BodyMention[];
  warnings: Warning[];
  /** Per section: items seen (numbered or bulleted items, table rows) and items used (became a task, a target or an indicator row); every item not used is quoted in a warning. */
  coverage: SectionCoverage[];
}

export interface SectionCoverage {
  section: "taskTable" | "sections" | "duties" | "targets" | "indicators";
  seen: number;
  used: number;
}

export function newCoverage(section: SectionCoverage["section"]): SectionCoverage {
  return { section, seen: 0, used: 0 };
}

export interface DocumentDraft {
  /** Abbreviation: KH, NQ, QĐ, CT, CTr, BC, … */
  type: string | null;
  typeName: string | null;
  number: string | null;
  issuedOn: string | null;
  /** What the date line said when the date is incomplete ("ngày tháng 6 năm 2026"). */
  dateText: string | null;
  issuer: string | null;
  place: string | null;
  title: string | null;
  period: { from: number; to: number } | null;
  references: ReferenceDraft[];
}

export interface ReferenceDraft {
  number: string;
  type: string | null;
  issuedOn: string | null;
  issuer: string | null;
  relation: "implements" | "cites";
  /** What this cited document itself implements, when the text says so ("… về thực hiện …"). */
  implementsNumber: string | null;
}

export interface TargetDraft {
  /** "(1)", "(1).3" — the numbered target and its part. */
  ref: string;
  text: string;
  measure: string;
  comparator: ">=" | ">" | "<=" | "<" | "=" | null;
  comparatorText: string | null;
  value: number | null;
  unit: string | null;
  year: number | null;
  schoolYear: string | null;
  recurring: boolean;
  places: string[];
}

export interface TaskDraft {
  ref: string;
  group: string | null;
  groupTitle: string | null;
  title: string;
  lead: string[];
  support: string[];
  timeframe: Timeframe;
  product: string | null;
  note: string | null;
  /** Where it came from: "table" (appendix) or "duties" (Tổ chức thực hiện). */
  source: "table" | "duties";
  line: number;
}

export interface IndicatorDraft {
  ref: string;
  name: string;
  unit: string | null;
  /** Per value column (keyed by its header, see PlanDraft.indicatorColumns): the value read. */
  values: Record<string, number | null>;
  /** Per value column: the text the value was read from (a scan's "954" for 95,4). */
  raw?: Record<string, string | null>;
  note: string | null;
  line: number;
  /** The row's line as written. */
  text?: string;
  /** The catalog indicator it matches (grammar/indicatorMatch.ts); null: a new indicator is proposed. */
  match?: IndicatorMatch | null;
  /** With no match: the new catalog indicator the reviewer may accept for it (domain/newIndicator.ts). */
  proposed?: import("../domain/newIndicator.ts").NewIndicatorProposal | null;
}

export interface IndicatorMatch {
  indicatorId: number;
  code: string;
  name: string;
  unit: string;
  /** 1 for the same name; below, how similar the names are (0–1). */
  score: number;
  how: "exact" | "similar";
}

export interface BodyMention {
  text: string;
  /** A set of bodies rather than one ("UBND các xã, phường"). */
  plural: boolean;
  setKind: "communes" | "schools" | "villages" | "related" | "other" | null;
  unit: { id: number | null; name: string; match: "exact" | "tone_placement" | "no_diacritics" } | null;
}

export type WarningCode =
  | "NUMBER_BLANK"
  | "NUMBER_MISSING"
  /** Two spellings of one cited number (OCR): kept as one document. */
  | "NUMBER_VARIANT"
  | "DATE_INCOMPLETE"
  | "DATE_MISSING"
  | "DIACRITICS_LOST"
  | "UNKNOWN_BODY"
  | "BODY_FALLBACK_MATCH"
  | "TIMEFRAME_UNPARSED"
  | "ROW_MISSING"
  | "ROW_NUMBER_GUESSED"
  | "VALUE_MISSING"
  | "VALUE_SUSPICIOUS"
  | "ROWS_MERGED"
  | "HTML_REMOVED"
  | "NO_TASKS"
  | "NO_TARGETS"
  | "TASK_WITHOUT_LEAD"
  | "ROW_UNUSED"
  | "TARGET_UNREAD"
  | "BODY_CEASED";

export interface Warning {
  code: WarningCode;
  message: string;
  /** Where in the document: a line number and what is there. */
  where: string;
}
