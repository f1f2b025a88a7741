import { both } from "./texts.ts";

/** Audit actions in words, for timelines and the audit view. */
const LABELS: Record<string, { vi: string; en: string }> = {
  "occurrence.progress": both("auditAction.occurrence.progress"),
  "occurrence.contribution": both("auditAction.occurrence.contribution"),
  "occurrence.propose_done": both("auditAction.occurrence.propose_done"),
  "occurrence.confirm": both("auditAction.occurrence.confirm"),
  "occurrence.return": both("auditAction.occurrence.return"),
  "occurrence.extend": both("auditAction.occurrence.extend"),
  "occurrence.set_due": both("auditAction.occurrence.set_due"),
  "occurrence.pause": both("auditAction.occurrence.pause"),
  "occurrence.resume": both("auditAction.occurrence.resume"),
  "occurrence.chase": both("auditAction.occurrence.chase"),
  "task.reassign": both("auditAction.task.reassign"),
  "document.import": both("auditAction.document.import"),
  "document.reimport": both("auditAction.document.reimport"),
  "user.create": both("auditAction.user.create"),
  "user.update": both("auditAction.user.update"),
  "user.update_own": both("auditAction.user.update_own"),
  "session.login": both("auditAction.session.login"),
  "session.logout": both("auditAction.session.logout"),
  "publication.publish": both("auditAction.publication.publish"),
  "publication.withdraw": both("auditAction.publication.withdraw"),
};

export function actionLabel(action: string, lang: "vi" | "en"): string {
  return LABELS[action]?.[lang] ?? action;
}
