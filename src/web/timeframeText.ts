import type { Timeframe } from "../domain/timeframe.ts";
import { formatDate } from "./format.ts";

/** A time frame in words, for tables: what is due and when. */
export function describeTimeframe(tf: Timeframe, lang: "vi" | "en" = "vi"): { label: string; color: string } {
  const vi = lang === "vi";
  const extra = tf.milestones.length
    ? ` · ${tf.milestones.map((m) => `${m.label} ${formatDate(m.due)}`).join(", ")}`
    : "";
  if (tf.unparsed)
    return {
      label: vi ? "Chưa đọc được thời gian — cần đặt hạn" : "Time frame not understood — set a deadline",
      color: "red",
    };
  switch (tf.kind) {
    case "deadline":
      return {
        label: `${vi ? "Hạn" : "Due"} ${formatDate(tf.due)}${tf.thenContinuous ? (vi ? ", sau đó thường xuyên" : ", then ongoing") : ""}${extra}`,
        color: "blue",
      };
    case "recurring":
      return {
        label: `${vi ? "Hằng năm" : "Every year"}${tf.each?.quarter ? (vi ? `, quý ${["I", "II", "III", "IV"][tf.each.quarter - 1]}` : `, Q${tf.each.quarter}`) : ""}${extra}`,
        color: "grape",
      };
    case "continuous":
      return {
        label: `${vi ? "Thường xuyên (không thời hạn)" : "Ongoing (no deadline)"}${extra}`,
        color: "gray",
      };
    case "window":
      return {
        label: `${vi ? "Giai đoạn đến" : "Period until"} ${formatDate(tf.due)}${extra}`,
        color: "cyan",
      };
    default:
      return {
        label: `${vi ? "Chờ văn bản, sự kiện bên ngoài — chưa có hạn" : "Waiting on an outside event — no date yet"}${extra}`,
        color: "orange",
      };
  }
}
