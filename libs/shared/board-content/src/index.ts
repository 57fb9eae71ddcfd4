export * from './lib/board-content';
