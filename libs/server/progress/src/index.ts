export * from './lib/progress.module';
