export * from './lib/model-content';
export * from './lib/comment-anchor';
