/**
 * The one i18n catalogue and its hook: zh-CN by default, English by a switch, kept on the device.
 * Enum labels come from the core's labelled enums (one definition with the codes).
 */

import type { ApiErrorCode } from '@jiandu/shared';
import type { Locale } from 'antd/es/locale';
import antdZh from 'antd/locale/zh_CN';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { ApiError, type FieldError, NetworkError } from '../lib/api-client.js';
import { errorsZh } from './errors.js';
import { type MessageKey, zhCN } from './zh-CN.js';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };

interface Catalogue {
  messages: Record<MessageKey, string>;
  errors: Record<ApiErrorCode, string>;
  /** antd's own words (pagination, pickers, empty states). */
  antd: Locale;
}
/** The loaded languages: Chinese always, English once `loadLang('en')` has loaded it. */
const catalogues: Partial<Record<Lang, Catalogue>> = {
  'zh-CN': { messages: zhCN, errors: errorsZh, antd: antdZh },
};
const zh = catalogues['zh-CN'] as Catalogue;
/** A language not loaded yet reads as Chinese (the first language) until it is. */
const catalogue = (lang: Lang): Catalogue => catalogues[lang] ?? zh;

/** Loads a language's catalogue (English is a chunk of its own); resolves at once when it is loaded. */
export async function loadLang(lang: Lang): Promise<void> {
  if (catalogues[lang]) return;
  const m = await import('./english.js');
  catalogues.en = { messages: m.en, errors: m.errorsEn, antd: m.antdEn };
}

/** Whether a string is a message key of the catalogue (every language has the same keys). */
export const isMessageKey = (key: string): key is MessageKey => key in zhCN;

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
  const s = catalogue(lang).messages[key] ?? key;
  return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}

/** The catalogue has a message for every code the API answers (a Record over them): its keys are the codes. */
const isApiErrorCode = (code: string | undefined): code is ApiErrorCode =>
  !!code && Object.hasOwn(errorsZh, code);

/**
 * What the user reads about a failure, in their language, from its code: never the server's English
 * `detail` nor the code itself. A code the catalogue does not know (a proxy's 502) reads as a failure with
 * its HTTP status; a failure the page met itself reads as a plain "did not work".
 */
export function errorText(lang: Lang, err: unknown): string {
  if (err instanceof NetworkError) return translate(lang, 'error.network');
  // An ApiError, or a failure kept with its code (the offline outbox's last error).
  const code = typeof err === 'object' && err && 'code' in err ? String(err.code) : undefined;
  if (isApiErrorCode(code)) return catalogue(lang).errors[code];
  if (err instanceof ApiError) return translate(lang, 'error.unknown', { status: err.status });
  return translate(lang, 'error.unexpected');
}

/**
 * The message beside one field the server refused: the catalogue's, by the field error's code; a
 * validation message without a known code is the server's English, shown in English only.
 */
export function fieldErrorText(lang: Lang, e: Pick<FieldError, 'code' | 'message'>): string {
  if (isApiErrorCode(e.code) && e.code !== 'request.invalid') return catalogue(lang).errors[e.code];
  return lang === 'en' && e.message ? e.message : translate(lang, 'error.invalidValue');
}

type LabelMap = Readonly<Record<string, { zh: string; en: string }>>;
/** A labelled enum of the core (`role`), or its plain label map (`ROLE_LABELS` from `@jiandu/shared/labels`). */
type Labelled = { labels: LabelMap } | LabelMap;

export interface I18n {
  lang: Lang;
  /** Switches the language once its catalogue is loaded. */
  setLang: (l: Lang) => Promise<void>;
  t: (key: MessageKey, params?: Params) => string;
  /** The label of a code of one of the core's labelled enums. */
  label: (e: Labelled, code: string | null | undefined) => string;
  /** A failure, as the user reads it (`errorText`). */
  errorText: (err: unknown) => string;
  /** antd's locale for the language. */
  antdLocale: Locale;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(fixed ?? initialLang());
  const setLang = useCallback(async (l: Lang) => {
    try {
      await loadLang(l);
    } catch {
      return; // offline before English was ever loaded: the screen stays in the language it is in
    }
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
      antdLocale: catalogue(lang).antd,
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
