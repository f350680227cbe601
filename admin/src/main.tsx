import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import './app/styles.css';
import { initialLang, loadLang } from './i18n/index.js';

// The app shell offline (production builds only; Vite's dev server serves modules, not a shell).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}

const root = document.getElementById('root');
// An English reader's catalogue loads before the first paint (Chinese is in the entry); should it fail
// (offline, not cached yet), the app opens in Chinese.
if (root) {
  void loadLang(initialLang()).finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
