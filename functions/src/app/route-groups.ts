/**
 * The API's route groups: each served by a Lambda function of its own behind the one HTTP API (DESIGN
 * §8: every bundle ≤ 300 KB minified; one function with every route was 640 KB), by the first path
 * segment after /api/v1. The stack routes `/api/v1/<prefix>` and `/api/v1/<prefix>/{proxy+}` of each
 * prefix to its group's function and everything else (`/api/v1/{proxy+}`, the public routes) to `api`,
 * so a new route under an existing prefix needs no change to the stack, and a new prefix goes to `api`
 * until listed here. Plain data (no route module is imported): the stack and the tests read it too.
 *
 * The groups split the one app definition (app.ts), they do not copy it: each function builds the same
 * app (composeApp) from its groups' route modules, with the same middleware and capability checks.
 * Every group's function also carries the record routes (`/api/v1/{collection}/{id}[/events]`), which
 * answer under every collection's prefix: each concrete path still reaches exactly one function.
 *
 * Adding a group: a name and its prefixes here, a module in app/groups/ mounting its route modules
 * (and its line in groups/index.ts), an entry in handlers/ (handlers/api-group.ts does the work) and its
 * line in handlers/registry.ts; infra's ACCESS and TIMEOUTS then ask for its role and timeout.
 */
export const API_GROUPS = {
  /** Sign-in, accounts, the organisation, schemes, inbox, notifications, operations: the rest. */
  api: { prefixes: [] },
  /** The records of supervision, their workflows and their evidence. */
  'api-records': {
    prefixes: [
      'evidence',
      'findings',
      'rectifications',
      'petitions',
      'signals',
      'cases',
      'alerts',
      'reminders',
      'indicators',
    ],
  },
  /** Assessment: rankings, their notices and objections, cards, bulletins, funds. */
  'api-rankings': {
    prefixes: [
      'rankings',
      'objections',
      'cards',
      'bulletins',
      'issued-bulletins',
      'funds',
      'fund-projects',
      'fund-entries',
    ],
  },
  /** Spreadsheets: imports (ledgers, organisation, past records) and exports. */
  'api-sheets': { prefixes: ['imports', 'exports'] },
  /**
   * 工作台, the page every user opens first: its own function, so the most frequent cold start loads
   * the home page's sections alone (their schemas were a quarter of the `api` function's init).
   */
  'api-home': { prefixes: ['home'] },
} as const satisfies Record<string, { prefixes: readonly string[] }>;

export type ApiGroupName = keyof typeof API_GROUPS;

export const API_GROUP_NAMES = Object.keys(API_GROUPS) as ApiGroupName[];

/** The group whose function serves a request path (the one that owns no prefix takes the rest). */
export function groupOfPath(path: string): ApiGroupName {
  const m = /^\/api\/v1\/([^/]+)/.exec(path);
  if (m) {
    for (const name of API_GROUP_NAMES) {
      if ((API_GROUPS[name].prefixes as readonly string[]).includes(m[1]!)) return name;
    }
  }
  return 'api';
}
