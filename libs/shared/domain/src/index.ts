export * from './lib/roles';
export * from './lib/errors';
export * from './lib/limits';
export * from './lib/contracts';
export * from './lib/model-descriptions';
export * from './lib/boards';
export * from './lib/workshops';
