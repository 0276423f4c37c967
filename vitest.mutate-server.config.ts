import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant of the server's state writers (`npm run mutate:server`): the
 * database-backed files that drive those writers through the real routes, on the embedded store (PGlite).
 * Every mutant restarts the files that cover it; the seeded estate is loaded from a dump taken on the first start
 * (WD_TEST_SEEDED_SNAPSHOT, see startTestApp) instead of being migrated and seeded again each time.
 */
export const MUTATE_SERVER_TESTS = [
  'src/server/calls/refusals.test.ts',
  'src/server/calls/answer-close.test.ts',
  'src/server/calls/calls.routes.test.ts',
  'src/server/work-orders/refusals.test.ts',
  'src/server/work-orders/call-outcome.test.ts',
  'src/server/work-orders/state-writers.test.ts',
  'src/server/complaints/complaints.test.ts',
  'src/server/complaints/state-writers.test.ts',
  'src/server/contact-forms/contact-forms.test.ts',
  'src/server/contact-forms/state-writers.test.ts',
  'src/server/keys/keys.routes.test.ts',
  'src/server/keys/state-writers.test.ts',
];

export default defineConfig({
  test: {
    include: MUTATE_SERVER_TESTS,
    environment: 'node',
    pool: 'threads',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    env: { WD_TEST_SEEDED_SNAPSHOT: path.resolve(import.meta.dirname, 'bench/.cache/pglite-seeded.tgz') },
  },
});
