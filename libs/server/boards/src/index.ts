export * from './lib/boards.module';
