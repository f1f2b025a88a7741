/**
 * The compiled report of a level for a round: drawn from the bodies' submitted reports (their own
 * words) and from the data (their counts), one section per body and one table of every body's results.
 */
import { periodPhrase, type ReportPeriod, type Window } from "../../domain/reportWindows.ts";
import { completionRate, type RateCounts } from "../../domain/status.ts";
import { vnDate, vnNumber, vnPercent } from "../format.ts";
import type { Block, ReportModel } from "../model.ts";
import { planName } from "./bodyReport.ts";
import type { PlanInfo } from "./data.ts";
import type { HeaderPart } from "./issuer.ts";
import { bodiesTable } from "./tables.ts";

export const SUBMISSION_LABEL: Record<string, string> = {
  pending: "Chưa gửi",
  draft: "Đang soạn",
  submitted: "Đã gửi",
  returned: "Trả lại",
  accepted: "Đã tiếp nhận",
};

export interface CompiledBody {
  unitName: string;
  status: string;
  submittedAt: string | null;
  late: boolean;
  assigned: number;
  counts: RateCounts;
  judgements: Record<string, string>;
}

export interface CompiledReportInput {
  header: HeaderPart;
  plan: PlanInfo;
  period: ReportPeriod;
  year: number;
  window: Window;
  asOf: string;
  dueOn: string;
  bodies: CompiledBody[];
  recipients: string[];
  judgements: Record<string, string>;
  number: number | null;
  issuedOn: string | null;
}

const QUOTED: [string, string][] = [
  ["tasks", "Đánh giá kết quả"],
  ["targets", "Chỉ tiêu"],
  ["causes", "Tồn tại, nguyên nhân"],
  ["proposals", "Kiến nghị"],
];

function bodySection(b: CompiledBody, n: number): Block[] {
  const rate = completionRate(b.counts);
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: `${n}. ${b.unitName}` },
    {
      kind: "para",
      text: `Chủ trì ${vnNumber(b.assigned)} lượt nhiệm vụ: hoàn thành ${vnNumber(b.counts.done)} (quá hạn ${vnNumber(b.counts.doneLate)}), chưa hoàn thành quá hạn ${vnNumber(b.counts.overdue)}, trong hạn ${vnNumber(b.counts.inTime)}, không thời hạn ${vnNumber(b.counts.noDeadline)}; tỷ lệ hoàn thành ${rate === null ? "—" : vnPercent(rate)}. Báo cáo: ${SUBMISSION_LABEL[b.status] ?? b.status}${b.submittedAt ? ` ngày ${vnDate(b.submittedAt)}` : ""}${b.late ? " (chậm hạn)" : ""}.`,
    },
  ];
  const has = b.status === "submitted" || b.status === "accepted";
  for (const [key, label] of QUOTED) {
    const text = has ? b.judgements[key]?.trim() : undefined;
    if (text) blocks.push({ kind: "para", text: `${label}: ${text}` });
  }
  if (!has) blocks.push({ kind: "para", text: "Đơn vị chưa gửi báo cáo; số liệu trên lấy từ hệ thống." });
  return blocks;
}

export function compiledReport(i: CompiledReportInput): ReportModel {
  const phrase = periodPhrase(i.period, i.year);
  const sent = i.bodies.filter((b) => b.status === "submitted" || b.status === "accepted");
  const late = i.bodies.filter((b) => b.late);
  const total = i.bodies.reduce(
    (s, b) => ({ done: s.done + b.counts.done, overdue: s.overdue + b.counts.overdue }),
    { done: 0, overdue: 0 },
  );
  const rate = completionRate(total);
  const given = (key: string, prompt: string): Block => ({
    kind: "judgement",
    key,
    prompt,
    text: i.judgements[key] ?? null,
  });
  const body: Block[] = [
    { kind: "heading", level: 1, text: "I. TÌNH HÌNH CHUNG" },
    {
      kind: "para",
      text: `Số liệu tính từ ngày ${vnDate(i.window.from)} đến ngày ${vnDate(i.window.to)}. Có ${vnNumber(i.bodies.length)} cơ quan, đơn vị được yêu cầu báo cáo (hạn ${vnDate(i.dueOn)}); đã gửi ${vnNumber(sent.length)}, gửi chậm hoặc chưa gửi khi quá hạn ${vnNumber(late.length)}. Tỷ lệ hoàn thành chung: ${rate === null ? "chưa có nhiệm vụ đến hạn" : vnPercent(rate)}. Kết quả của từng cơ quan, đơn vị tại Phụ lục I.`,
    },
    given("overall", "đánh giá chung kết quả thực hiện kế hoạch trong kỳ"),
    { kind: "heading", level: 1, text: "II. KẾT QUẢ CỦA CÁC CƠ QUAN, ĐƠN VỊ" },
    ...i.bodies.flatMap((b, n) => bodySection(b, n + 1)),
    { kind: "heading", level: 1, text: "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN" },
    given("causes", "những tồn tại chung và nguyên nhân"),
    { kind: "heading", level: 1, text: "IV. PHƯƠNG HƯỚNG VÀ KIẾN NGHỊ" },
    given("proposals", "nhiệm vụ trọng tâm kỳ tới, kiến nghị với cấp trên"),
  ];
  return {
    ...i.header,
    number: i.number,
    issuedOn: i.issuedOn,
    year: i.year,
    summary: `Tổng hợp kết quả thực hiện ${planName(i.plan)} ${phrase}`,
    recipients: i.recipients,
    body,
    appendices: [
      bodiesTable(
        "bodies",
        `KẾT QUẢ THỰC HIỆN CỦA CÁC CƠ QUAN, ĐƠN VỊ ${phrase.toUpperCase()}`,
        i.bodies.map((b) => ({
          unitName: b.unitName,
          submission: `${SUBMISSION_LABEL[b.status] ?? b.status}${b.late ? " (chậm)" : ""}`,
          assigned: b.assigned,
          doneOnTime: b.counts.doneOnTime,
          doneLate: b.counts.doneLate,
          overdue: b.counts.overdue,
          inTime: b.counts.inTime,
          noDeadline: b.counts.noDeadline,
          rate: completionRate(b.counts),
        })),
        true,
      ),
    ],
    noiNhan: [...(i.recipients.length ? ["Như trên"] : []), "Lưu: VT"],
  };
}
