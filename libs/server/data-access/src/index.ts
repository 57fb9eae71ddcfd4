export * from './lib/entities';
export * from './lib/audit.service';
export * from './lib/space-access.service';
export * from './lib/data-access.module';
export * from './lib/access-events';
export * from './lib/collab-document-registry';
export * from './lib/collab-documents';
