export { progressRoutes } from './lib/progress.routes';
