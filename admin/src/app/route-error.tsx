/**
 * What a screen that failed to render shows, instead of React Router's developer page: a sentence in the
 * reader's language and the ways on (reload, home). A screen's code missing after a new version was
 * deployed (a lazy chunk that no longer exists) is said as such: reloading fetches the new version. The
 * error still goes to the console, where the browser tests collect it.
 */
import { useEffect } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useT } from '../i18n/index.js';

const STALE_CHUNK = /dynamically imported module|Importing a module script failed|Failed to fetch/i;

export function RouteError() {
  const t = useT();
  const error = useRouteError();
  useEffect(() => {
    console.error('screen failed:', error);
  }, [error]);
  const stale = error instanceof Error && STALE_CHUNK.test(error.message);
  const status = isRouteErrorResponse(error) ? error.status : null;
  return (
    <div className="route-error" role="alert" data-testid="route-error">
      <h1>{stale ? t('app.updated') : t('app.screenFailed')}</h1>
      <p>{stale ? t('app.updatedHint') : t('app.screenFailedHint')}</p>
      {status ? <p className="muted small">HTTP {status}</p> : null}
      <p className="row-gap">
        <button type="button" className="ant-btn ant-btn-primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
        <Link to="/" className="ant-btn">
          {t('app.backHome')}
        </Link>
      </p>
    </div>
  );
}
