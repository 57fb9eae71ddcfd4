export * from './lib/backoff';
export * from './lib/collab-document.service';
export * from './lib/collab-session';
export * from './lib/collab-status.component';
export * from './lib/collab-textarea.directive';
export * from './lib/save-tracker';
export * from './lib/text-diff';
