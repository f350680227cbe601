/** Providers (i18n, antd with its zh-CN or en locale, TanStack Query) and the router. */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { I18nProvider, useI18n } from '../i18n/index.js';
import { createQueryClient } from '../lib/query-client.js';
import { REDUCED_MOTION, useMedia } from '../lib/use-media.js';
import { OutboxSync } from './outbox-sync.js';
import { router } from './router.js';

/** The focus colour: the link blue (AA on white), distinct from the red of errors and of the brand. */
const FOCUS = '#0043a8';
const FOCUS_SHADOW = '0 0 0 2px rgba(0, 67, 168, 0.2)';

function Localized({ children }: { children: ReactNode }) {
  const { lang, antdLocale } = useI18n();
  const reducedMotion = useMedia(REDUCED_MOTION);
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider
      locale={antdLocale}
      theme={{
        // Text and link colours dark enough for WCAG AA contrast (4.5:1) on white and light fills.
        token: {
          colorPrimary: '#b71c1c',
          colorError: '#cf1322',
          colorLink: '#0043a8',
          colorLinkHover: '#1a5fd0',
          colorTextSecondary: '#595959',
          colorTextTertiary: '#595959',
          colorTextDescription: '#595959',
          colorTextPlaceholder: '#6e6e6e',
          colorTextQuaternary: '#6e6e6e',
          borderRadius: 6,
          // Focus is a neutral blue ring, never the red of the brand (which reads as a validation error).
          controlOutline: 'rgba(0, 67, 168, 0.2)',
          // No zoom or slide for a user who asked the system for less motion (WCAG 2.3.3).
          motion: !reducedMotion,
        },
        components: Object.fromEntries(
          ['Input', 'InputNumber', 'Select', 'DatePicker', 'Mentions', 'Cascader', 'TreeSelect'].map((c) => [
            c,
            { activeBorderColor: FOCUS, hoverBorderColor: '#4f7fc6', activeShadow: FOCUS_SHADOW },
          ]),
        ),
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <Localized>
          <OutboxSync />
          <RouterProvider router={router} />
        </Localized>
      </QueryClientProvider>
    </I18nProvider>
  );
}
