// @ts-check
/**
 * Mutation testing of the server's state writers (`npm run mutate:server`), separate from `npm run mutate` (the domain,
 * no database): the code that checks a domain transition table and moves a record to its next state, run against the
 * database-backed tests of vitest.mutate-server.config.ts on PGlite. Each mutant restarts the test files that cover it,
 * so the mutated set is the writers themselves (line ranges), not whole services. Incremental: a second run re-tests
 * only mutants whose code or covering tests changed. Scores per file: bench/results/mutation.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate-server.config.ts', related: false },
  mutate: [
    // Calls: the only writer of a call record's status (CALL-2, CALL-3) and the progress write-back.
    'src/server/calls/call-state.ts',
    // Work orders: one step (accept, arrive, complete, verify, reject, reassign, cancel) up to the guarded UPDATE.
    'src/server/work-orders/work-orders.service.ts:96-129',
    // Complaints: judge / sign / return / inform up to the guarded UPDATE (COMP-1, 3, 4); reopen and close after the visit (COMP-6).
    'src/server/complaints/complaints.service.ts:145-174',
    // Contact forms: sign, reply, close (LINK-2).
    'src/server/contact-forms/contact-forms.service.ts:85-101',
    // Keys: lending a key that is in the cabinet — the state check and the guarded UPDATE.
    'src/server/keys/keys.service.ts:187-191',
    'src/server/keys/keys.service.ts:199-205',
  ],
  // Other runs' sandboxes and caches are not part of the project.
  ignorePatterns: ['bench/.cache', 'dist', 'coverage', 'test-results'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'bench/.cache/stryker-server-incremental.json',
  concurrency: 2,
  timeoutMS: 120000,
  timeoutFactor: 3,
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: 'bench/.cache/mutation-server.json' },
  tempDirName: 'bench/.cache/stryker-server-tmp',
  cleanTempDir: 'always',
};
