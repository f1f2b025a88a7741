/**
 * DHIS2's import summary, as its Web API answers a dataValueSets import: status, importCount, and one
 * conflict per refused value with the offending object, a reason, DHIS2's error code and the value's
 * index in the payload (0-based, as DHIS2 counts). Codes follow DHIS2's ErrorCode list (E76xx); the
 * Lộ Trình rules DHIS2 does not have (a form's checks) carry LT76xx.
 */
import type { IdSchemes } from "../../domain/dhis2Metadata.ts";

export type ImportStrategy = "CREATE" | "UPDATE" | "CREATE_AND_UPDATE" | "DELETE";
export type AtomicMode = "ALL" | "NONE";

export interface ImportOptions {
  dryRun: boolean;
  importStrategy: ImportStrategy;
  atomicMode: AtomicMode;
  idSchemes: IdSchemes;
  /** The DHIS2 instance whose mappings resolve identifiers (default: the only one, if any). */
  instance?: string | null;
}

export interface Conflict {
  object: string;
  property: string;
  value: string;
  errorCode: string;
  indexes: number[];
}

export interface ImportSummary {
  responseType: "ImportSummary";
  status: "SUCCESS" | "WARNING" | "ERROR";
  description: string;
  importOptions: {
    dryRun: boolean;
    importStrategy: ImportStrategy;
    atomicMode: AtomicMode;
    idSchemes: IdSchemes;
    instance: string | null;
  };
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts: Conflict[];
  /** What DHIS2 sends that Lộ Trình keeps beside the value (storedBy, created, lastUpdated, followup). */
  kept: { storedBy: number; created: number; lastUpdated: number; followup: number };
  dataSetComplete: "false";
}

export const CONFLICT = {
  dataElement: { code: "E7610", property: "dataElement", text: "Phần tử dữ liệu không có hoặc chưa ánh xạ" },
  period: { code: "E7611", property: "period", text: "Kỳ không hợp lệ" },
  periodNoMatch: {
    code: "E7611",
    property: "period",
    text: "Kỳ DHIS2 này không có kỳ báo cáo tương ứng trong Lộ Trình (chỉ nhận năm, quý, 6 tháng đầu năm, năm học «yyyySep»)",
  },
  orgUnit: { code: "E7612", property: "orgUnit", text: "Đơn vị không có hoặc chưa ánh xạ" },
  combo: { code: "E7613", property: "categoryOptionCombo", text: "Tổ hợp phân tổ không có hoặc chưa ánh xạ" },
  comboOfElement: {
    code: "E7614",
    property: "categoryOptionCombo",
    text: "Phân tổ này không thuộc phần tử dữ liệu",
  },
  attribute: {
    code: "E7615",
    property: "attributeOptionCombo",
    text: "Lộ Trình chỉ nhận tổ hợp thuộc tính mặc định (default)",
  },
  value: { code: "E7619", property: "value", text: "Giá trị không hợp lệ" },
  approved: { code: "E7642", property: "period", text: "Biểu đã được duyệt và khóa" },
  submitted: { code: "E7643", property: "period", text: "Biểu đã gửi, đang chờ duyệt" },
  check: { code: "LT7601", property: "value", text: "Không qua kiểm tra của biểu" },
} as const;

export type ConflictKind = keyof typeof CONFLICT;

/** Conflicts of the same kind, object and reason are one entry with all their indexes, as DHIS2 does. */
export function conflictList() {
  const byKey = new Map<string, Conflict>();
  return {
    add(kind: ConflictKind, object: string, index: number, detail?: string) {
      const c = CONFLICT[kind];
      const value = detail ? `${c.text}: ${detail}` : `${c.text}: \`${object}\``;
      const key = `${c.code}|${object}|${value}`;
      const found = byKey.get(key);
      if (found) found.indexes.push(index);
      else byKey.set(key, { object, property: c.property, value, errorCode: c.code, indexes: [index] });
    },
    get list() {
      return [...byKey.values()];
    },
    get size() {
      return byKey.size;
    },
  };
}

export function statusOf(count: ImportSummary["importCount"], conflicts: number): ImportSummary["status"] {
  if (conflicts === 0) return "SUCCESS";
  return count.imported + count.updated + count.deleted > 0 ? "WARNING" : "ERROR";
}
