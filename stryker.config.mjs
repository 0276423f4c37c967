// @ts-check
/**
 * Mutation testing (`npm run mutate`): which rules of the domain (and the server's authorization call and hook bus) no test guards. Incremental: a second run
 * re-tests only mutants whose code or tests changed. Scores per file: bench/results/mutation.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  mutate: [
    'src/domain/**/*.ts',
    '!src/domain/**/*.test.ts',
    '!src/domain/**/*.testkit.ts',
    '!src/domain/**/*.table.ts',
    '!src/domain/**/*.contract.ts',
    '!src/domain/**/labels.ts',
    '!src/domain/**/*-labels.ts',
    '!src/domain/shared/messages.zh-CN.ts',
    '!src/domain/users/demo-accounts.ts',
    // The pure parts of the server whose tests are fast (no database): the one authorization call and the hook bus.
    'src/server/core/authorize.ts',
    'src/server/core/hooks.ts',
  ],
  // Other runs' sandboxes and caches are not part of the project.
  ignorePatterns: ['bench/.cache', 'dist', 'coverage', 'test-results'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'bench/.cache/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'json', 'progress'],
  jsonReporter: { fileName: 'bench/.cache/mutation.json' },
  tempDirName: 'bench/.cache/stryker-tmp',
  cleanTempDir: 'always',
};
