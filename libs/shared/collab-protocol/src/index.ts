export * from './lib/doc-name';
export * from './lib/close-codes';
export * from './lib/contracts';
