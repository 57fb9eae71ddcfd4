const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // Compaction and projections run on a worker thread (libs/collab/server, StateBuilder).
      additionalEntryPoints: [
        // Absolute: Nx resolves a relative entryPath against a root that differs between workspaces.
        {
          entryName: 'state-builder.worker',
          entryPath: join(__dirname, '../../libs/collab/server/src/lib/persistence/state-builder.worker.ts'),
        },
        // Text extraction and previews of uploaded materials (libs/server/materials, ContentProcessor).
        {
          entryName: 'material-content.worker',
          entryPath: join(__dirname, '../../libs/server/materials/src/lib/content/content.worker.ts'),
        },
      ],
      tsConfig: './tsconfig.app.json',
      assets: ['./src/assets'],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
    }),
  ],
};
