import { defineConfig } from 'vitest/config';

// Two projects: fast unit + integration tests (each file gets its own database), and browser
// journeys in Debian's Chromium, which run one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
