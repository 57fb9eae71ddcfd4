export { materialsRoutes } from './lib/materials.routes';
