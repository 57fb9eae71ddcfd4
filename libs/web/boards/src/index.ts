export { boardsRoutes } from './lib/boards.routes';
export { workshopsRoutes } from './lib/workshops/workshops.routes';
