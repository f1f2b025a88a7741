/** Report models built from made-up data, for the layout tests and the benchmark. */
import { reportWindow } from "../../domain/reportWindows.ts";
import type { OccurrenceState } from "../../domain/status.ts";
import { bodyReport } from "../kinds/bodyReport.ts";
import { type CompiledBody, compiledReport } from "../kinds/compiledReport.ts";
import type { TargetItem, TaskItem } from "../kinds/data.ts";
import { headerFor } from "../kinds/issuer.ts";
import { planReview } from "../kinds/planReview.ts";
import type { BodyResult } from "../kinds/tables.ts";

const PLAN = {
  id: 1,
  number: "47-KH/ĐU",
  title: "Kế hoạch thực hiện Nghị quyết 06-NQ/TU",
  issuer: "Đảng ủy UBND tỉnh",
};
const STATES: OccurrenceState[] = ["done", "in_progress", "not_started", "done", "awaiting_confirmation"];

export function sampleTasks(n: number, bodies = 5): TaskItem[] {
  return Array.from({ length: n }, (_, k) => {
    const state = STATES[k % STATES.length] as OccurrenceState;
    const due = k % 7 === 6 ? null : `2026-0${(k % 6) + 1}-${String((k % 27) + 1).padStart(2, "0")}`;
    return {
      taskId: k + 1,
      ref: `${["I", "II", "III", "IV"][k % 4]}.${k + 1}`,
      title: `Nhiệm vụ mẫu số ${k + 1}: nâng cao chất lượng giáo dục vùng đồng bào dân tộc thiểu số`,
      label: k % 3 === 0 ? "Năm 2026" : "",
      groupTitle: null,
      lead: `Cơ quan mẫu ${(k % bodies) + 1}`,
      role: k % 4 === 3 ? "support" : "lead",
      due,
      state,
      completedOn: state === "done" && due ? (k % 2 ? due : "2026-06-30") : null,
      percent: state === "done" ? 100 : 40,
      progress: [`Đã triển khai tại ${k + 3} trường; tổ chức ${k + 1} lớp bồi dưỡng.`],
      products: state === "done" ? [`Báo cáo kết quả số ${k + 1}`] : [],
      files: k % 5 === 0 ? [`bien-ban-${k + 1}.pdf`] : [],
      extensions: k % 9 === 1 ? [{ before: "2026-03-31", after: due, reason: "Chờ hướng dẫn của Bộ" }] : [],
      returns: k % 11 === 2 ? ["Thiếu sản phẩm kèm theo"] : [],
    };
  });
}

export function sampleTargets(n: number): TargetItem[] {
  return Array.from({ length: n }, (_, k) => ({
    label: `Tỷ lệ trẻ em 3–5 tuổi đến trường, chỉ tiêu mẫu ${k + 1}`,
    unit: k % 4 === 0 ? "trường" : "%",
    unitName: k % 2 ? "Tỉnh Lai Châu" : "Mỗi xã, phường",
    comparator: ">=",
    target: 90 + (k % 10),
    dueYear: 2030,
    baseline: 80 + (k % 7) + 0.5,
    baselineYear: 2025,
    current: k % 5 === 4 ? null : 85 + (k % 9) + 0.25,
    currentPeriod: k % 5 === 4 ? null : "2025-2026",
    status: ["achieved", "on_track", "at_risk", "behind", "no_data"][k % 5] as string,
    coverage: k % 2 ? null : { count: 20 + (k % 10), reported: 35, total: 38 },
  }));
}

const commune = headerFor([
  { id: 2, kind: "commune", full_name: "Xã Bình Lư" },
  { id: 1, kind: "province", full_name: "Tỉnh Lai Châu" },
]);
const partyBody = headerFor([
  { id: 3, kind: "body", full_name: "Đảng ủy xã Bình Lư" },
  { id: 2, kind: "commune", full_name: "Xã Bình Lư" },
]);
const province = headerFor([{ id: 1, kind: "province", full_name: "Tỉnh Lai Châu" }]);

export function sampleBodyReport(party: boolean) {
  return bodyReport({
    header: party ? partyBody : commune,
    unitName: party ? "Đảng ủy xã Bình Lư" : "UBND xã Bình Lư",
    plan: PLAN,
    period: "six_month",
    year: 2026,
    window: reportWindow("six_month", 2026),
    asOf: "2026-06-14",
    tasks: sampleTasks(14),
    targets: sampleTargets(6),
    recipients: ["Ủy ban nhân dân tỉnh Lai Châu"],
    judgements: { direction: "Đã ban hành 03 văn bản chỉ đạo." },
    number: party ? 12 : 5,
    issuedOn: party ? null : "2026-03-05",
  });
}

export function sampleCompiled(bodies: number) {
  const list: CompiledBody[] = Array.from({ length: bodies }, (_, k) => ({
    unitName: `Cơ quan mẫu ${k + 1}`,
    status: ["submitted", "accepted", "pending", "returned"][k % 4] as string,
    submittedAt: k % 4 < 2 ? "2026-06-20" : null,
    late: k % 4 === 2,
    assigned: 12 + (k % 5),
    counts: { done: 6, doneOnTime: 5, doneLate: 1, overdue: k % 3, inTime: 4, noDeadline: 2 },
    judgements: {
      tasks: `Hoàn thành tốt các nhiệm vụ trọng tâm của đơn vị ${k + 1}.`,
      causes: "Thiếu giáo viên.",
    },
  }));
  return compiledReport({
    header: province,
    plan: PLAN,
    period: "six_month",
    year: 2026,
    window: reportWindow("six_month", 2026),
    asOf: "2026-06-14",
    dueOn: "2026-06-25",
    bodies: list,
    recipients: [],
    judgements: {},
    number: null,
    issuedOn: null,
  });
}

export function sampleReview(tasks: number, targets: number, bodies: number) {
  const results: BodyResult[] = Array.from({ length: bodies }, (_, k) => ({
    unitName: `Cơ quan mẫu ${k + 1}`,
    submission: "",
    assigned: 12,
    doneOnTime: 5,
    doneLate: 1,
    overdue: k % 3,
    inTime: 4,
    noDeadline: 2,
    rate: 6 / (6 + (k % 3)),
  }));
  return planReview({
    header: province,
    plan: PLAN,
    stage: "mid",
    asOf: "2028-12-14",
    tasks: sampleTasks(tasks, bodies),
    targets: sampleTargets(targets),
    bodies: results,
    recipients: ["Ban Thường vụ Tỉnh ủy"],
    judgements: {},
    number: null,
    issuedOn: null,
  });
}
