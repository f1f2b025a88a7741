import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import type { Key } from "./i18n.en.ts";
import { vi } from "./i18n.vi.ts";

export type Lang = "vi" | "en";
// English is loaded when chosen, so the first load carries one dictionary; until it arrives, Vietnamese
const dictionaries: Partial<Record<Lang, Record<Key, string>>> = { vi };
let loadingEnglish: Promise<void> | null = null;
function loadEnglish(): Promise<void> {
  loadingEnglish ??= import("./i18n.en.ts").then((m) => {
    dictionaries.en = m.en;
  });
  return loadingEnglish;
}

const I18nContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: "vi",
  setLang: () => {},
});

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem("lotrinh.lang") === "en" ? "en" : "vi",
  );
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (lang === "en" && !dictionaries.en) void loadEnglish().then(() => setLoaded((n) => n + 1));
  }, [lang]);
  const setLang = (l: Lang) => {
    localStorage.setItem("lotrinh.lang", l);
    document.documentElement.lang = l;
    setLangState(l);
  };
  return <I18nContext.Provider value={{ lang, setLang }}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const { lang, setLang } = useContext(I18nContext);
  const t = (key: Key) => (dictionaries[lang] ?? vi)[key];
  return { lang, setLang, t };
}
