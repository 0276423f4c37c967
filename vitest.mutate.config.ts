import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutate`): the domain's own, which need no database,
 * so thousands of mutants finish in minutes. Rules that only a database test guards show up as survivors.
 */
export default defineConfig({
  test: {
    include: ['src/domain/**/*.test.ts', 'src/server/core/authorize.test.ts', 'src/server/core/hooks.test.ts'],
    environment: 'node',
    pool: 'threads',
  },
});
