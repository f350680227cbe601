/**
 * The one i18n catalogue and its hook: zh-CN by default, English by a switch, kept on the device.
 * Enum labels come from the core's labelled enums (one definition with the codes).
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { en } from './en.js';
import { type MessageKey, zhCN } from './zh-CN.js';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

export const catalogues: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

const KEY = 'jiandu.lang';

export function initialLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export type Params = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const s = catalogues[lang][key] ?? key;
  return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}

type LabelMap = Readonly<Record<string, { zh: string; en: string }>>;
/** A labelled enum of the core (`role`), or its plain label map (`ROLE_LABELS` from `@jiandu/shared/labels`). */
type Labelled = { labels: LabelMap } | LabelMap;

export interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
  /** The label of a code of one of the core's labelled enums. */
  label: (e: Labelled, code: string | null | undefined) => string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang());
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      globalThis.localStorage?.setItem(KEY, l);
    } catch {
      /* private mode: the choice lasts for this visit */
    }
    document.documentElement.lang = l;
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      label: (e, code) => {
        if (!code) return '';
        const map = ('labels' in e && typeof e.labels === 'object' ? e.labels : e) as LabelMap;
        const l = map[code];
        return l ? (lang === 'en' ? l.en : l.zh) : code;
      },
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export const useT = () => useI18n().t;
