export * from './lib/test-database';
export * from './lib/http-client';
export * from './lib/factories';
export * from './lib/server-process';
export * from './lib/api-session';
export * from './lib/material-files';
