export { inboxRoutes } from './lib/inbox.routes';
