export { boardsRoutes } from './lib/boards.routes';
