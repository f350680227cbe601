/**
 * Authorization is part of each route's declaration: `defineRoute(rule, config)` names the capability
 * (access/capabilities.ts in the core says which roles hold it) and puts the check in the route's own
 * middleware, so what is checked is by construction the route the router matched and runs — however
 * the path was spelled. `assertEveryRouteDeclared` refuses to start an app with a route that names none.
 */
import { CAPABILITIES, type Capability, can } from '@jiandu/shared';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './auth-middleware.js';
import { EdgeError } from './edge-error.js';
import { PROBLEM_RESPONSES, PUBLIC_PROBLEM_RESPONSES } from './problem-responses.js';
import type { DeclaredRoute, RouteConfig } from './router.js';

/**
 * A capability; any of several (a route whose body says which step, e.g. a rectification action); or
 * one chosen by a path parameter (the generic record routes, by collection); or `public` (sign-in).
 */
export type AccessRule =
  | Capability
  | readonly Capability[]
  | { param: string; of: Readonly<Record<string, Capability>> }
  | 'public';

const describe = (rule: AccessRule): string =>
  typeof rule === 'string'
    ? rule
    : Array.isArray(rule)
      ? (rule as readonly Capability[]).join(' | ')
      : `by ${(rule as { param: string }).param}`;

function allows(
  rule: Exclude<AccessRule, 'public'>,
  roles: AppEnv['Variables']['principal']['roles'],
  param: (name: string) => string | undefined,
): boolean {
  if (typeof rule === 'string') return can(roles, rule);
  if (Array.isArray(rule)) return (rule as readonly Capability[]).some((c) => can(roles, c));
  const { param: name, of } = rule as { param: string; of: Readonly<Record<string, Capability>> };
  const cap = of[param(name) ?? ''];
  return cap !== undefined && can(roles, cap);
}

/** The one capability a session that must change its password may use (changing it). */
const PASSWORD_CHANGE: Capability = 'self.account';

export function authorize(rule: Exclude<AccessRule, 'public'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // After a reset or at first sign-in, the session may only change the password (ASVS 2.3.1).
    if (c.get('principal').mustChangePassword && rule !== PASSWORD_CHANGE)
      throw new EdgeError('auth.passwordChangeRequired', 'change your password first', {
        field: 'password',
      });
    if (!allows(rule, c.get('principal').roles, (n) => c.req.param(n)))
      throw new EdgeError('auth.forbidden', 'your role may not do this');
    await next();
  };
}

const holders = (c: Capability) => `\`${c}\` (${CAPABILITIES[c].join(', ')})`;

/**
 * Who may call an operation, in words from the one capability table — the description an operation has
 * unless its declaration gives one, so a client's developer reads the roles beside each operation.
 */
export function accessText(rule: AccessRule): string {
  if (rule === 'public') return 'Public: no token needed.';
  const caps =
    typeof rule === 'string'
      ? holders(rule)
      : Array.isArray(rule)
        ? (rule as readonly Capability[]).map(holders).join(' or ')
        : Object.entries((rule as { param: string; of: Readonly<Record<string, Capability>> }).of)
            .map(([v, c]) => `${(rule as { param: string }).param} = ${v}: ${holders(c)}`)
            .join('; ');
  return `Needs ${caps}. A record outside the caller's jurisdiction answers 404, as a missing one does.`;
}

/** `GET /api/v1/rectifications/{id}/evidence/{evidenceId}` → `getRectificationsIdEvidenceEvidenceId`. */
export const operationIdOf = (method: string, path: string): string =>
  [
    method.toLowerCase(),
    ...path
      .replace(/^\/api\/v1\//, '')
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1)),
  ].join('');

/**
 * A route declaration that carries its access rule (also shown in the document as `x-capability`), its
 * security (none for a public route, the bearer token otherwise), an operationId derived from method and
 * path unless given, and every problem answer the API can give.
 */
export const defineRoute = <const R extends RouteConfig>(rule: AccessRule, config: R) =>
  ({
    operationId: operationIdOf(config.method, config.path),
    description: accessText(rule),
    ...config,
    security: rule === 'public' ? [] : [{ bearer: [] }],
    responses: { ...(rule === 'public' ? PUBLIC_PROBLEM_RESPONSES : PROBLEM_RESPONSES), ...config.responses },
    'x-capability': describe(rule),
    ...(rule === 'public' ? {} : { middleware: authorize(rule) }),
  }) as R & { 'x-capability': string; middleware: MiddlewareHandler<AppEnv> };

/** Fail closed: an app with a route declared without an access rule does not start. */
export function assertEveryRouteDeclared(routes: readonly DeclaredRoute[]): void {
  const missing = routes
    .filter((r) => typeof r['x-capability'] !== 'string')
    .map((r) => `${r.method.toUpperCase()} ${r.path}`);
  if (missing.length > 0) throw new Error(`routes without an access rule: ${missing.join(', ')}`);
}
