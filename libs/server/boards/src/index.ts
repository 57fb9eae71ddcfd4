export * from './lib/boards.module';
export { initialLiveState } from './lib/workshops/live/live-state';
