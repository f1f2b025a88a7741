/** Audit actions in words, for timelines and the audit view. */
const LABELS: Record<string, { vi: string; en: string }> = {
  "occurrence.progress": { vi: "báo cáo tiến độ", en: "reported progress" },
  "occurrence.contribution": { vi: "gửi phần việc phối hợp", en: "sent a coordinating part" },
  "occurrence.propose_done": { vi: "báo cáo hoàn thành", en: "reported done" },
  "occurrence.confirm": { vi: "xác nhận hoàn thành", en: "confirmed done" },
  "occurrence.return": { vi: "trả lại", en: "returned" },
  "occurrence.extend": { vi: "gia hạn", en: "extended the deadline" },
  "occurrence.set_due": { vi: "đặt thời hạn", en: "set the deadline" },
  "occurrence.pause": { vi: "tạm dừng", en: "paused" },
  "occurrence.resume": { vi: "cho tiếp tục", en: "resumed" },
  "occurrence.chase": { vi: "đôn đốc", en: "chased" },
  "task.reassign": { vi: "giao lại cơ quan chủ trì", en: "reassigned the lead" },
  "document.import": { vi: "nhập văn bản", en: "imported a document" },
  "document.reimport": { vi: "nhập lại văn bản", en: "re-imported a document" },
  "user.create": { vi: "tạo tài khoản", en: "created an account" },
  "user.update": { vi: "sửa tài khoản", en: "changed an account" },
  "user.update_own": { vi: "đặt e-mail của mình", en: "set their own e-mail" },
  "session.login": { vi: "đăng nhập", en: "signed in" },
  "session.logout": { vi: "đăng xuất", en: "signed out" },
};

export function actionLabel(action: string, lang: "vi" | "en"): string {
  return LABELS[action]?.[lang] ?? action;
}
