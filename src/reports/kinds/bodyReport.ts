/**
 * The 6-month or annual report of one body on one plan: its tasks in the window (state, what was done
 * from its progress reports, products, files), its figures against the targets, what is late and why
 * (extensions, returns), and the parts only the body can write, marked and placed beside the figures.
 */

import { periodPhrase, type ReportPeriod, type Window } from "../../domain/reportWindows.ts";
import { completionRate } from "../../domain/status.ts";
import { vnDate, vnNumber, vnPercent } from "../format.ts";
import type { Block, ReportModel } from "../model.ts";
import { bucketOf, countsOf, daysBetween, type PlanInfo, type TargetItem, type TaskItem } from "./data.ts";
import type { HeaderPart } from "./issuer.ts";
import { targetsTable, tasksTable } from "./tables.ts";

export interface BodyReportInput {
  header: HeaderPart;
  unitName: string;
  plan: PlanInfo;
  period: ReportPeriod;
  year: number;
  window: Window;
  asOf: string;
  tasks: TaskItem[];
  targets: TargetItem[];
  recipients: string[];
  judgements: Record<string, string>;
  number: number | null;
  issuedOn: string | null;
}

/** How an official text names the plan: by its number, else by its issuer ("(chưa có số)" is the app's note, not the text's). */
export function planName(p: PlanInfo): string {
  return p.number ? `Kế hoạch số ${p.number}` : `Kế hoạch${p.issuer ? ` của ${p.issuer}` : ""}`;
}

function judgement(key: string, prompt: string, given: Record<string, string>): Block {
  return { kind: "judgement", key, prompt, text: given[key] ?? null };
}

function lateLines(tasks: TaskItem[], asOf: string): string[] {
  return tasks
    .filter((t) => t.role === "lead" && ["overdue", "done_late"].includes(bucketOf(t, asOf)))
    .map((t) => {
      const doneThen = t.completedOn !== null && t.completedOn <= asOf;
      const late = doneThen
        ? `hoàn thành ngày ${vnDate(t.completedOn)}, chậm ${vnNumber(daysBetween(t.due as string, t.completedOn as string))} ngày`
        : `quá hạn ${vnNumber(daysBetween(t.due as string, asOf))} ngày (hạn ${vnDate(t.due)})`;
      const why = [
        ...t.extensions.map(
          (e) =>
            `gia hạn ${e.before ? `từ ${vnDate(e.before)} ` : ""}đến ${vnDate(e.after)}, lý do: ${e.reason}`,
        ),
        ...t.returns.map((r) => `báo cáo hoàn thành bị trả lại: ${r}`),
      ];
      return `- Nhiệm vụ ${t.ref} (${t.title}): ${late}${why.length ? `; ${why.join("; ")}` : ""}.`;
    });
}

export function bodyReport(i: BodyReportInput): ReportModel {
  const c = countsOf(i.tasks, i.asOf);
  const lead = i.tasks.filter((t) => t.role === "lead");
  const lc = countsOf(lead, i.asOf);
  const rate = completionRate(lc);
  const phrase = periodPhrase(i.period, i.year);
  const late = lateLines(i.tasks, i.asOf);
  const statusCount = (s: string) => i.targets.filter((t) => t.status === s).length;
  const body: Block[] = [
    { kind: "heading", level: 1, text: "I. KẾT QUẢ THỰC HIỆN" },
    { kind: "heading", level: 2, text: "1. Công tác lãnh đạo, chỉ đạo, triển khai" },
    judgement(
      "direction",
      "các văn bản đã ban hành, công tác tuyên truyền, phân công thực hiện",
      i.judgements,
    ),
    { kind: "heading", level: 2, text: "2. Kết quả thực hiện nhiệm vụ" },
    {
      kind: "para",
      text: `Số liệu tính từ ngày ${vnDate(i.window.from)} đến ngày ${vnDate(i.window.to)} (đến ngày ${vnDate(i.asOf)}). ${i.unitName} chủ trì ${vnNumber(lead.length)} và phối hợp ${vnNumber(i.tasks.length - lead.length)} lượt nhiệm vụ của ${planName(i.plan)}. Các nhiệm vụ chủ trì: đã hoàn thành ${vnNumber(lc.done)} (đúng hạn ${vnNumber(lc.doneOnTime)}, quá hạn ${vnNumber(lc.doneLate)}); chưa hoàn thành ${vnNumber(lc.overdue + lc.inTime)} (quá hạn ${vnNumber(lc.overdue)}, trong hạn ${vnNumber(lc.inTime)}); không thời hạn ${vnNumber(lc.noDeadline)}. Tỷ lệ hoàn thành: ${rate === null ? "chưa có nhiệm vụ đến hạn" : vnPercent(rate)}. Chi tiết tại Phụ lục I.`,
    },
    judgement("tasks", "đánh giá kết quả thực hiện nhiệm vụ, những việc nổi bật", i.judgements),
    { kind: "heading", level: 2, text: "3. Kết quả thực hiện các chỉ tiêu" },
    {
      kind: "para",
      text:
        i.targets.length === 0
          ? "Kế hoạch chưa giao chỉ tiêu có số liệu cho đơn vị."
          : `${vnNumber(i.targets.length)} chỉ tiêu: đã đạt ${vnNumber(statusCount("achieved"))}, đúng lộ trình ${vnNumber(statusCount("on_track"))}, có nguy cơ ${vnNumber(statusCount("at_risk"))}, chậm ${vnNumber(statusCount("behind"))}, chưa đủ số liệu ${vnNumber(statusCount("no_data"))}. Chi tiết tại Phụ lục II.`,
    },
    judgement("targets", "đánh giá các chỉ tiêu, nhất là chỉ tiêu chậm hoặc có nguy cơ", i.judgements),
    { kind: "heading", level: 1, text: "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN" },
    {
      kind: "para",
      text:
        late.length === 0
          ? "Không có nhiệm vụ chủ trì quá hạn trong kỳ."
          : `Nhiệm vụ chậm so với thời hạn (${vnNumber(late.length)}):`,
    },
    ...late.map((text): Block => ({ kind: "para", text })),
    judgement("causes", "nguyên nhân chủ quan, khách quan của những tồn tại nêu trên", i.judgements),
    {
      kind: "heading",
      level: 1,
      text: `III. PHƯƠNG HƯỚNG, NHIỆM VỤ ${i.period === "six_month" ? "6 THÁNG CUỐI NĂM" : "NĂM TIẾP THEO"}`,
    },
    {
      kind: "para",
      text: `Tiếp tục thực hiện ${vnNumber(c.inTime + c.overdue)} lượt nhiệm vụ chưa hoàn thành và ${vnNumber(c.noDeadline)} nhiệm vụ thường xuyên.`,
    },
    judgement("next", "nhiệm vụ, giải pháp trọng tâm kỳ tới", i.judgements),
    { kind: "heading", level: 1, text: "IV. ĐỀ XUẤT, KIẾN NGHỊ" },
    judgement("proposals", "đề xuất, kiến nghị với cấp trên", i.judgements),
  ];
  return {
    ...i.header,
    number: i.number,
    issuedOn: i.issuedOn,
    year: i.year,
    summary: `Kết quả thực hiện ${planName(i.plan)} ${phrase}`,
    recipients: i.recipients,
    body,
    appendices: [
      tasksTable("tasks", `KẾT QUẢ THỰC HIỆN NHIỆM VỤ ${phrase.toUpperCase()}`, i.tasks, i.asOf, {
        grouped: false,
        withLead: false,
      }),
      targetsTable("targets", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", i.targets, false),
    ],
    noiNhan: [...(i.recipients.length ? ["Như trên"] : []), "Lưu: VT"],
  };
}
