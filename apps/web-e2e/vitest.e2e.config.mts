import { defineConfig } from 'vitest/config';
import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';

/** Browser tests: the built server and web app, driven in Debian's Chromium by playwright-core. */
export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web-e2e',
  plugins: [nxViteTsPaths()],
  test: {
    name: 'web-e2e',
    watch: false,
    globals: true,
    environment: 'node',
    include: ['src/**/*.e2e-spec.ts'],
    globalSetup: ['src/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
}));
