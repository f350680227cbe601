import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type I18n, I18nProvider, useI18n } from './index.js';

// English's catalogue cannot be fetched (offline before it was ever loaded).
vi.mock('./english.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

afterEach(() => {
  cleanup();
  globalThis.localStorage?.clear();
});

let i18n: I18n | undefined;
function Probe() {
  i18n = useI18n();
  return <p data-lang={i18n.lang}>{i18n.t('nav.home')}</p>;
}

describe('a language switch whose catalogue cannot load', () => {
  it('leaves the screen in the language it is in and remembers nothing (the switch settles, no rejection)', async () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    const text = screen.getByText('首页');
    await act(() => (i18n as I18n).setLang('en'));
    expect(text.textContent).toBe('首页');
    expect(text.dataset.lang).toBe('zh-CN');
    expect(globalThis.localStorage?.getItem('jiandu.lang') ?? null).toBeNull();
  });
});
