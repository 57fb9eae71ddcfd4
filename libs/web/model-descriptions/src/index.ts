export { modelDescriptionsRoutes } from './lib/model-descriptions.routes';
