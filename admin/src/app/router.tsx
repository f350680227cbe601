/**
 * Routes as real URLs, each screen loaded lazily (its own chunk): only the providers and this table are in
 * the entry; the shell, antd's heavier components and ECharts come with the screens that use them.
 */
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../lib/use-session.js';
import { RouteError } from './route-error.js';

const CHANGE_PASSWORD = '/account/password';

function RequireSession() {
  const s = useSession();
  const loc = useLocation();
  if (!s) return <Navigate to={`/signin?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  // After a reset or at first sign-in the session may only change the password (the API refuses the rest).
  if (s.user.mustChangePassword && loc.pathname !== CHANGE_PASSWORD)
    return <Navigate to={CHANGE_PASSWORD} replace />;
  return <Outlet />;
}

const screen = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

/** Shown while the first lazy screen loads (the shell has not loaded yet either). */
function FirstLoad() {
  return <div className="first-load" aria-busy="true" />;
}

export const router = createBrowserRouter([
  {
    HydrateFallback: FirstLoad,
    // A screen that throws shows a sentence and the ways on, never React Router's developer page.
    ErrorBoundary: RouteError,
    children: [
      { path: '/signin', lazy: screen(() => import('./routes/signin.js')) },
      {
        element: <RequireSession />,
        children: [
          { path: CHANGE_PASSWORD, lazy: screen(() => import('./routes/change-password.js')) },
          { path: '/bulletins/print', lazy: screen(() => import('./routes/bulletin-print.js')) },
          {
            lazy: screen(() => import('./layout/shell.js')),
            children: [
              {
                // Inside the shell: a failed screen keeps the menu, so the person can go elsewhere.
                ErrorBoundary: RouteError,
                children: [
                  { index: true, lazy: screen(() => import('./routes/home.js')) },
                  { path: 'findings', lazy: screen(() => import('./routes/findings.js')) },
                  { path: 'findings/new', lazy: screen(() => import('./routes/finding-new.js')) },
                  { path: 'findings/:id', lazy: screen(() => import('./routes/finding.js')) },
                  { path: 'petitions', lazy: screen(() => import('./routes/petitions.js')) },
                  { path: 'petitions/new', lazy: screen(() => import('./routes/petition-new.js')) },
                  { path: 'petitions/:id', lazy: screen(() => import('./routes/petition.js')) },
                  { path: 'opinion', lazy: screen(() => import('./routes/opinion.js')) },
                  { path: 'rectifications', lazy: screen(() => import('./routes/rectifications.js')) },
                  { path: 'rectifications/extensions', lazy: screen(() => import('./routes/extensions.js')) },
                  { path: 'rectifications/:id', lazy: screen(() => import('./routes/rectification.js')) },
                  { path: 'rankings', lazy: screen(() => import('./routes/rankings.js')) },
                  { path: 'rankings/cards', lazy: screen(() => import('./routes/cards.js')) },
                  { path: 'rankings/units/:id', lazy: screen(() => import('./routes/ranking-history.js')) },
                  { path: 'rankings/notices/:id', lazy: screen(() => import('./routes/notice.js')) },
                  { path: 'objections', lazy: screen(() => import('./routes/objections.js')) },
                  { path: 'indicators', lazy: screen(() => import('./routes/indicators.js')) },
                  { path: 'cases', lazy: screen(() => import('./routes/cases.js')) },
                  { path: 'cases/:id', lazy: screen(() => import('./routes/case.js')) },
                  { path: 'alerts', lazy: screen(() => import('./routes/alerts.js')) },
                  { path: 'reminders', lazy: screen(() => import('./routes/reminders.js')) },
                  { path: 'bulletins', lazy: screen(() => import('./routes/bulletins.js')) },
                  { path: 'funds', lazy: screen(() => import('./routes/funds.js')) },
                  { path: 'inbox', lazy: screen(() => import('./routes/inbox.js')) },
                  { path: 'jobs', lazy: screen(() => import('./routes/jobs.js')) },
                  { path: 'imports', lazy: screen(() => import('./routes/imports.js')) },
                  { path: 'migrations', lazy: screen(() => import('./routes/migrations.js')) },
                  { path: 'operation-log', lazy: screen(() => import('./routes/operation-log.js')) },
                  { path: 'admin', element: <Navigate to="/admin/units" replace /> },
                  { path: 'admin/:section', lazy: screen(() => import('./routes/admin.js')) },
                  { path: '*', lazy: screen(() => import('./routes/not-found.js')) },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
