import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'e2e/**/*.e2e.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Two cores: two test files at a time; each database test opens its own store.
    maxWorkers: 2,
    // Limits far above normal: the suite must hold on a shared, loaded 2-core machine (a test waits for conditions).
    testTimeout: 600_000,
    hookTimeout: 360_000,
    // expect.poll waits for a condition the user would see; its default of one second is a wall-clock assertion
    // in disguise (a focus move took longer than that under load, and a journey failed for it).
    expect: { poll: { timeout: 30_000, interval: 100 } },
    reporters: ['default'],
  },
});
