import type { Timeframe } from "../domain/timeframe.ts";
import { formatDate } from "./format.ts";
import { en, type Key } from "./i18n.en.ts";
import { vi } from "./i18n.vi.ts";

const QUARTERS = ["I", "II", "III", "IV"];

/** A time frame in words, for tables: what is due and when. */
export function describeTimeframe(tf: Timeframe, lang: "vi" | "en" = "vi"): { label: string; color: string } {
  const t = (key: Key) => (lang === "vi" ? vi : en)[key];
  const extra = tf.milestones.length
    ? ` · ${tf.milestones.map((m) => `${m.label} ${formatDate(m.due)}`).join(", ")}`
    : "";
  if (tf.unparsed) return { label: t("timeframe.unparsed"), color: "red" };
  switch (tf.kind) {
    case "deadline":
      return {
        label: `${t("timeframe.due")} ${formatDate(tf.due)}${tf.thenContinuous ? t("timeframe.thenContinuous") : ""}${extra}`,
        color: "blue",
      };
    case "recurring": {
      const q = tf.each?.quarter;
      const quarter = q
        ? `${t("timeframe.quarter")}${lang === "vi" ? " " : ""}${lang === "vi" ? QUARTERS[q - 1] : q}`
        : "";
      return { label: `${t("timeframe.yearly")}${quarter}${extra}`, color: "grape" };
    }
    case "continuous":
      return { label: `${t("timeframe.continuous")}${extra}`, color: "gray" };
    case "window":
      return { label: `${t("timeframe.window")} ${formatDate(tf.due)}${extra}`, color: "cyan" };
    default:
      return { label: `${t("timeframe.pending")}${extra}`, color: "orange" };
  }
}
