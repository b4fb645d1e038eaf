import { defineConfig } from 'vitest/config';

// scripts/test.sh runs every project on PGlite (the browser tests in a Vitest process of their own, side
// by side), then `server` again on a PostgreSQL server (TEST_DATABASE_URL): tests that exercise SQL run on
// both engines; pure unit tests, child-process tests (the built CLI, kill -9 durability, several servers)
// and browser tests run once.
const processTests = ['tests/cli/**/*.test.ts', 'tests/durability/**/*.test.ts', 'tests/cluster/**/*.test.ts'];
const unitTests = ['src/web/**/*.test.ts', 'src/shared/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default'],
    maxWorkers: 2,
    projects: [
      {
        // No database, so none of the shared set-up (template databases).
        test: { name: 'unit', include: unitTests, pool: 'forks' },
      },
      {
        extends: true,
        test: {
          name: 'server',
          globalSetup: ['tests/support/global-setup.ts'],
          pool: 'forks',
          // Files share a worker's loaded modules (the app's import costs seconds per file); each file
          // still builds its own app on its own database, and no test mocks a module.
          isolate: false,
          include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: [...unitTests, ...processTests, 'tests/e2e/**'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          globalSetup: ['tests/support/global-setup.ts'],
          pool: 'forks',
          include: processTests,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          globalSetup: ['tests/support/global-setup.ts'],
          pool: 'forks',
          // Two workers take the specs in turn and keep the loaded modules (each spec still starts its own
          // server on its own database): a spec mostly waits on Chromium, so two share the cores well.
          // Its own group, after the other projects, when one Vitest process runs them all.
          isolate: false,
          sequence: { groupOrder: 1 },
          include: ['tests/e2e/**/*.spec.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
