export * from './lib/model-descriptions.module';
