export * from './lib/collab.module';
export { CollabServer } from './lib/collab-server';
export { DocumentStore } from './lib/persistence/document-store';
