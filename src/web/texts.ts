import { en, type Key } from "./i18n.en.ts";
import { vi } from "./i18n.vi.ts";

/**
 * One text in both languages, read from the dictionaries — for the records that label a server value
 * (a state, a kind, an action) and are indexed by the language outside React.
 */
export const both = (key: Key): { vi: string; en: string } => ({ vi: vi[key], en: en[key] });

/** The language chosen in this browser (the same setting as i18n.tsx), for text outside React. */
export function textNow(key: Key): string {
  const lang =
    typeof localStorage !== "undefined" && localStorage.getItem("lotrinh.lang") === "en" ? "en" : "vi";
  return (lang === "en" ? en : vi)[key];
}
