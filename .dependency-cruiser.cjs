/**
 * The module boundaries `npm test` enforces (dependency-cruiser): the domain core stays pure, the SPA's
 * features stay apart, nothing imports in a circle, and only the store speaks DynamoDB.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment:
        'An import cycle makes load order matter and modules impossible to reason about one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'shared/ is the pure domain core (DESIGN §5): no AWS, no Hono, no React, no Node I/O.',
      from: { path: '^shared/src', pathNot: '\\.test\\.ts$' },
      to: {
        path: [
          'node_modules/(@aws-sdk|@smithy|hono|@hono|react|react-dom|@tanstack)/',
          '^(fs|node:fs|net|node:net|http|node:http|child_process|node:child_process)$',
        ],
      },
    },
    {
      name: 'core-imports-no-workspace',
      severity: 'error',
      comment: 'The core depends on nothing of ours; everything else depends on it.',
      from: { path: '^shared/src' },
      to: { path: '^(functions|admin|infra|test|bench)/' },
    },
    {
      name: 'spa-features-apart',
      severity: 'error',
      comment:
        'An SPA feature uses components/, lib/, api/ and i18n/, never another feature (bulletproof-react).',
      from: { path: '^admin/src/features/([^/]+)/' },
      to: { path: '^admin/src/features/', pathNot: '^admin/src/features/$1/' },
    },
    {
      name: 'dynamodb-only-in-store',
      severity: 'error',
      comment: 'Only functions/src/store builds DynamoDB commands and knows index names (DESIGN §5).',
      from: {
        path: '^functions/src',
        pathNot: ['^functions/src/store/', '^functions/src/local/', '\\.test\\.ts$'],
      },
      to: { path: ['node_modules/@aws-sdk/(client-dynamodb|lib-dynamodb|util-dynamodb)/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
