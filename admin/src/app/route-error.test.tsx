import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { I18nProvider, type Lang, loadLang } from '../i18n/index.js';
import { RouteError } from './route-error.js';

beforeAll(() => loadLang('en'));
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Broken({ error }: { error: Error }): never {
  throw error;
}

function renderFailing(error: Error, lang: Lang = 'zh-CN') {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const router = createMemoryRouter([
    { path: '/', ErrorBoundary: RouteError, element: <Broken error={error} /> },
  ]);
  render(
    <I18nProvider lang={lang}>
      <RouterProvider router={router} />
    </I18nProvider>,
  );
  return logged;
}

describe('a screen that throws', () => {
  it('says so in the reader’s language with the ways on, not the router’s developer page, and logs it', async () => {
    const logged = renderFailing(new Error('boom'));
    expect((await screen.findByTestId('route-error')).textContent).toContain('页面出错了');
    expect(screen.getByText('重新加载')).toBeTruthy();
    expect(screen.getByText('返回首页')).toBeTruthy();
    expect(document.body.textContent).not.toContain('Unexpected Application Error');
    expect(logged.mock.calls.some((c) => String(c[0]).includes('screen failed'))).toBe(true);
  });

  it('tells of a new version when a screen’s code is gone after a deploy', async () => {
    renderFailing(new TypeError('Failed to fetch dynamically imported module: /assets/x.js'), 'en');
    expect((await screen.findByTestId('route-error')).textContent).toContain('Jiandu was updated');
  });
});
