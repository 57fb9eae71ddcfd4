import { defineConfig } from 'vitest/config';
import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';

/** Integration tests: the real API against a real PostgreSQL, one file at a time. */
export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/api-int',
  plugins: [nxViteTsPaths()],
  test: {
    name: 'api-integration',
    watch: false,
    globals: true,
    environment: 'node',
    include: ['tests/**/*.int-spec.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    fileParallelism: false,
    // collab.int-spec.ts checks that an unloaded document is garbage-collected.
    execArgv: ['--expose-gc'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
}));
