export { organisationsRoutes } from './lib/organisations.routes';
