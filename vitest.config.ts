import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Three projects by runtime:
 * - `unit`: pure code of shared/ and the Node core, no services;
 * - `dom`: React components and hooks under happy-dom;
 * - `registry`: integration tests against the real test registry, which `e2e/registry/global-setup.ts`
 *   starts once (docker-registry, token server, nginx) and fills with the fixture images.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'e2e/**/*.test.ts', 'build/**/*.test.ts'],
          exclude: ['**/*.registry.test.ts', 'node_modules/**'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
        },
      },
      {
        test: {
          name: 'registry',
          environment: 'node',
          include: ['**/*.registry.test.ts'],
          exclude: ['node_modules/**'],
          globalSetup: ['e2e/registry/global-setup.ts'],
          // The files share one registry and token server and some count requests: one at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
