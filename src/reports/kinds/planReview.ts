/**
 * Sơ kết (mid-term) / tổng kết (final) review of a plan: the targets table (baseline, target, result,
 * status, coverage), the tasks by group as they stood on the day, and the bodies still behind.
 */
import { completionRate } from "../../domain/status.ts";
import { vnDate, vnNumber, vnPercent } from "../format.ts";
import type { Block, ReportModel } from "../model.ts";
import { planName } from "./bodyReport.ts";
import {
  BUCKET_LABEL,
  BUCKETS,
  bucketOf,
  countsOf,
  type PlanInfo,
  type TargetItem,
  type TaskItem,
} from "./data.ts";
import type { HeaderPart } from "./issuer.ts";
import { type BodyResult, bodiesTable, targetsTable, tasksTable } from "./tables.ts";

export interface PlanReviewInput {
  header: HeaderPart;
  plan: PlanInfo;
  stage: "mid" | "final";
  asOf: string;
  tasks: TaskItem[];
  targets: TargetItem[];
  bodies: BodyResult[];
  recipients: string[];
  judgements: Record<string, string>;
  number: number | null;
  issuedOn: string | null;
}

export function planReview(i: PlanReviewInput): ReportModel {
  const c = countsOf(i.tasks, i.asOf);
  const rate = completionRate(c);
  const word = i.stage === "mid" ? "Sơ kết" : "Tổng kết";
  const byBucket = BUCKETS.map(
    (b) =>
      `${BUCKET_LABEL[b].toLowerCase()}: ${vnNumber(i.tasks.filter((t) => bucketOf(t, i.asOf) === b).length)}`,
  );
  const behind = i.bodies.filter((b) => b.overdue > 0).sort((a, b) => b.overdue - a.overdue);
  const statusCount = (s: string) => i.targets.filter((t) => t.status === s).length;
  const given = (key: string, prompt: string): Block => ({
    kind: "judgement",
    key,
    prompt,
    text: i.judgements[key] ?? null,
  });
  const body: Block[] = [
    { kind: "heading", level: 1, text: "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" },
    {
      kind: "para",
      text: `Đến ngày ${vnDate(i.asOf)}, trong ${vnNumber(i.targets.length)} chỉ tiêu: đã đạt ${vnNumber(statusCount("achieved"))}, đúng lộ trình ${vnNumber(statusCount("on_track"))}, có nguy cơ ${vnNumber(statusCount("at_risk"))}, chậm ${vnNumber(statusCount("behind"))}, chưa đủ số liệu ${vnNumber(statusCount("no_data"))} (Phụ lục I).`,
    },
    given("targets", "đánh giá mức độ đạt các chỉ tiêu, chỉ tiêu khó đạt"),
    { kind: "heading", level: 1, text: "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ" },
    {
      kind: "para",
      text: `${vnNumber(i.tasks.length)} lượt nhiệm vụ — ${byBucket.join("; ")}. Tỷ lệ hoàn thành: ${rate === null ? "chưa có nhiệm vụ đến hạn" : vnPercent(rate)} (Phụ lục II).`,
    },
    given("tasks", "những kết quả nổi bật theo từng nhóm nhiệm vụ, giải pháp"),
    { kind: "heading", level: 1, text: "III. CƠ QUAN, ĐƠN VỊ CÒN CHẬM" },
    {
      kind: "para",
      text:
        behind.length === 0
          ? "Không có cơ quan, đơn vị nào còn nhiệm vụ chủ trì quá hạn."
          : `${vnNumber(behind.length)} cơ quan, đơn vị còn nhiệm vụ chủ trì quá hạn: ${behind
              .map((b) => `${b.unitName} (${vnNumber(b.overdue)})`)
              .join("; ")}.`,
    },
    { kind: "heading", level: 1, text: "IV. ĐÁNH GIÁ CHUNG" },
    given("overall", "ưu điểm, hạn chế và nguyên nhân"),
    given("lessons", "bài học kinh nghiệm"),
    {
      kind: "heading",
      level: 1,
      text: i.stage === "mid" ? "V. NHIỆM VỤ, GIẢI PHÁP GIAI ĐOẠN TIẾP THEO" : "V. ĐỀ XUẤT, KIẾN NGHỊ",
    },
    given(
      "proposals",
      i.stage === "mid"
        ? "nhiệm vụ, giải pháp đến cuối kỳ kế hoạch; điều chỉnh chỉ tiêu nếu cần"
        : "đề xuất, kiến nghị sau khi kết thúc kế hoạch",
    ),
  ];
  return {
    ...i.header,
    number: i.number,
    issuedOn: i.issuedOn,
    year: Number(i.asOf.slice(0, 4)),
    summary: `${word} thực hiện ${planName(i.plan)}`,
    recipients: i.recipients,
    body,
    appendices: [
      targetsTable("targets", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", i.targets, true),
      tasksTable("tasks", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THEO NHÓM", i.tasks, i.asOf, {
        grouped: true,
        withLead: true,
      }),
      bodiesTable("bodies", "KẾT QUẢ THEO CƠ QUAN, ĐƠN VỊ CHỦ TRÌ", i.bodies, false),
    ],
    noiNhan: [...(i.recipients.length ? ["Như trên"] : []), "Lưu: VT"],
  };
}
