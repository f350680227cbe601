/**
 * The one i18n catalogue and its hook: zh-CN by default, English by a switch, kept on the device.
 * Enum labels come from the core's labelled enums (one definition with the codes).
 */

import { type ApiErrorCode, apiErrorCodes } from '@jiandu/shared';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { ApiError, type FieldError, NetworkError } from '../lib/api-client.js';
import { en } from './en.js';
import { errorsEn, errorsZh } from './errors.js';
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

const errorCatalogues: Record<Lang, Record<ApiErrorCode, string>> = { 'zh-CN': errorsZh, en: errorsEn };
const knownCodes: ReadonlySet<string> = new Set(apiErrorCodes);
const isApiErrorCode = (code: string | undefined): code is ApiErrorCode => !!code && knownCodes.has(code);

/**
 * What the user reads about a failure, in their language, from its code: never the server's English
 * `detail` nor the code itself. A code the catalogue does not know (a proxy's 502) reads as a failure with
 * its HTTP status; a failure the page met itself reads as a plain "did not work".
 */
export function errorText(lang: Lang, err: unknown): string {
  if (err instanceof NetworkError) return translate(lang, 'error.network');
  // An ApiError, or a failure kept with its code (the offline outbox's last error).
  const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : undefined;
  if (isApiErrorCode(code)) return errorCatalogues[lang][code];
  if (err instanceof ApiError) return translate(lang, 'error.unknown', { status: err.status });
  return translate(lang, 'error.unexpected');
}

/**
 * The message beside one field the server refused: the catalogue's, by the field error's code; a
 * validation message without a known code is the server's English, shown in English only.
 */
export function fieldErrorText(lang: Lang, e: Pick<FieldError, 'code' | 'message'>): string {
  if (isApiErrorCode(e.code) && e.code !== 'request.invalid') return errorCatalogues[lang][e.code];
  return lang === 'en' && e.message ? e.message : translate(lang, 'error.invalidValue');
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
  /** A failure, as the user reads it (`errorText`). */
  errorText: (err: unknown) => string;
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
      errorText: (err) => errorText(lang, err),
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
