import { createContext, type ReactNode, useContext, useState } from "react";
import { en, type Key } from "./i18n.en.ts";
import { vi } from "./i18n.vi.ts";

export type Lang = "vi" | "en";
const dictionaries: Record<Lang, Record<Key, string>> = { vi, en };

const I18nContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({
  lang: "vi",
  setLang: () => {},
});

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem("lotrinh.lang") === "en" ? "en" : "vi",
  );
  const setLang = (l: Lang) => {
    localStorage.setItem("lotrinh.lang", l);
    document.documentElement.lang = l;
    setLangState(l);
  };
  return <I18nContext.Provider value={{ lang, setLang }}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const { lang, setLang } = useContext(I18nContext);
  const t = (key: Key) => dictionaries[lang][key];
  return { lang, setLang, t };
}
