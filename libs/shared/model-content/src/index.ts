export * from './lib/model-content';
