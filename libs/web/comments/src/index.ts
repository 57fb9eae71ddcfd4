export { CommentBodyComponent, safeLinkHref } from './lib/body/comment-body.component';
export {
  CommentComposerComponent,
  MENTION_DEBOUNCE_MS,
  type CommentComposerMode,
} from './lib/composer/comment-composer.component';
export { CommentThreadComponent } from './lib/thread/comment-thread.component';
export { CommentThreadsPanelComponent } from './lib/panel/comment-threads-panel.component';
