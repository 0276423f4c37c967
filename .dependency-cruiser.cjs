/**
 * Import rules of the three source roots (ADR 0011), checked in `npm test` (src/architecture.test.ts) and by
 * `npm run lint:imports`. Paths are relative to the project root. Type-only imports count like any other
 * (tsPreCompilationDeps), so a rule cannot be dodged with `import type`.
 *
 * Cycles between feature folders (src/<root>/<feature>/) are not a module-level property, so the test
 * checks them on this same cruise result (see featureCycles in src/architecture.test.ts), agreeing with
 * ../shared/tools/feature_cycles.py.
 */

/** Folders of src/web that hold shared code rather than a feature. */
const WEB_SHARED = 'lib|components|i18n';
/**
 * Response types a web feature still imports from web/property (type-only: calls' household lookup and intake
 * draft). Remove once those types come from src/domain contracts (issue 7, item 1).
 */
const PENDING_CONTRACT_TYPES = '^src/web/property/api\\.ts$';
/** Test files, their helpers (*.testkit.ts, imported only by tests) and the planted-violation fixtures may reach anywhere. */
const NOT_TESTS = ['\\.test\\.tsx?$', '\\.testkit\\.ts$', '^src/server/testing/fixtures/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain is isomorphic: it may import only itself, drizzle-orm, drizzle-zod, zod and the pure-JS password ' +
        'estimator @zxcvbn-ts (no node:* builtins, ' +
        'no react/antd, no fastify/pg/PGlite, no src/server or src/web).',
      from: { path: '^src/domain/', pathNot: NOT_TESTS },
      to: { pathNot: ['^src/domain/', '(^|/)node_modules/(drizzle-orm|drizzle-zod|zod|@zxcvbn-ts/[^/]+)/'] },
    },
    {
      name: 'web-not-server',
      severity: 'error',
      comment: 'The browser app talks to the server over HTTP only; shared shapes live in src/domain.',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      comment: 'The server never imports the browser app.',
      from: { path: '^src/server/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'web-features-apart',
      severity: 'error',
      comment:
        'A web feature imports neither another feature nor src/web/app; shared UI lives in src/web/components and ' +
        'src/web/lib, and a piece of one feature shown on another\'s page goes through a slot (src/web/lib/slots.tsx).',
      from: { path: '^src/web/([^/]+)/', pathNot: [`^src/web/(app|${WEB_SHARED})/`, ...NOT_TESTS] },
      to: {
        path: '^src/web/[^/]+/',
        pathNot: ['^src/web/$1/', `^src/web/(${WEB_SHARED})/`, PENDING_CONTRACT_TYPES],
      },
    },
    {
      name: 'web-features-apart-pending-contracts',
      severity: 'error',
      comment:
        'Until the property response types come from src/domain contracts, web features may import them as types ' +
        'only; any value import of src/web/property/api.ts from another feature is refused.',
      from: { path: '^src/web/([^/]+)/', pathNot: [`^src/web/(app|property|${WEB_SHARED})/`, ...NOT_TESTS] },
      to: { path: PENDING_CONTRACT_TYPES, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'web-shared-is-shared',
      severity: 'error',
      comment: 'src/web/lib, components and i18n serve every feature, so they import no feature and not src/web/app.',
      from: { path: `^src/web/(${WEB_SHARED})/`, pathNot: NOT_TESTS },
      to: { path: '^src/web/', pathNot: `^src/web/(${WEB_SHARED})/` },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No module imports itself back through others.',
      from: { pathNot: NOT_TESTS },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^src/server/testing/fixtures/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    moduleSystems: ['es6', 'cjs'],
  },
};

