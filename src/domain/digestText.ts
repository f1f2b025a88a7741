/**
 * The daily digest's words: what its notifications are about, by kind. A task step or reminder is
 * about "nhiệm vụ", a report round's about "báo cáo", a unit's figures about "số liệu"; the heading and
 * the subject name each topic present with its count, in this order.
 */
export type DigestTopic = "task" | "report" | "figures";

const TOPIC_WORD: Record<DigestTopic, string> = { task: "nhiệm vụ", report: "báo cáo", figures: "số liệu" };
const ORDER: DigestTopic[] = ["task", "report", "figures"];

/** The topic of a notification kind (notification.kind: "overdue", "report.asked", "figures.returned", …). */
export function topicOf(kind: string): DigestTopic {
  if (kind.startsWith("report")) return "report";
  if (kind.startsWith("figures")) return "figures";
  return "task";
}

function counted(kinds: string[]): [DigestTopic, number][] {
  const n = new Map<DigestTopic, number>();
  for (const k of kinds) n.set(topicOf(k), (n.get(topicOf(k)) ?? 0) + 1);
  return ORDER.filter((t) => n.has(t)).map((t) => [t, n.get(t) as number]);
}

function joinVi(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} và ${parts.at(-1)}`;
}

/** "Lộ Trình có 3 thông báo mới về nhiệm vụ và báo cáo của đơn vị:" */
export function digestHeading(kinds: string[]): string {
  const topics = counted(kinds).map(([t]) => TOPIC_WORD[t]);
  return `Lộ Trình có ${kinds.length} thông báo mới về ${joinVi(topics)} của đơn vị:`;
}

/** "[Lộ Trình] 2 nhiệm vụ, 1 báo cáo cần chú ý — 01/07/2026" */
export function digestSubject(kinds: string[], day: string): string {
  const parts = counted(kinds).map(([t, c]) => `${c} ${TOPIC_WORD[t]}`);
  return `[Lộ Trình] ${parts.join(", ")} cần chú ý — ${day}`;
}
