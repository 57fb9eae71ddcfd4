import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import type { CommentThreadView, CommentWriteOptions } from '@kehittamo/shared/domain';
import { AuthStore, CommentApi, DateTimePipe, I18nService, TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { commentRequests } from './comment-requests';
import { isExperienceExpert } from '../composer/expert';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import type { Observable } from 'rxjs';
import { CommentComposerComponent } from '../composer/comment-composer.component';
import { CommentItemComponent } from './comment-item.component';

let nextId = 0;

/**
 * One discussion: the quoted text it is about (when anchored), its comments in order, and what the
 * reader may do (`thread.can`: reply, resolve or reopen; each comment's own `can` flags). Every
 * change answers with the whole thread, passed up through `changed` so the host replaces its copy.
 * A withdrawn comment is reported through `withdrawn` (its id), after which the thread is reloaded
 * too. Results are announced politely; errors are shown in place.
 *
 * Content projected into it appears under the quote (a host's "show in the text" button, say).
 */
@Component({
  selector: 'kh-comment-thread',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    RouterLink,
    TranslatePipe,
    DateTimePipe,
    ErrorMessageComponent,
    CommentComposerComponent,
    CommentItemComponent,
  ],
  templateUrl: './comment-thread.component.html',
  styleUrl: './comment-thread.component.scss',
})
export class CommentThreadComponent {
  private readonly api = inject(CommentApi);
  private readonly i18n = inject(I18nService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly router = inject(Router);
  private readonly composer = viewChild(CommentComposerComponent);

  readonly thread = input.required<CommentThreadView>();
  /** The space of the thread (whose members can be mentioned in a reply). */
  readonly spaceId = input.required<string>();
  /** Highlight it as the selected one (e.g. the text range the user clicked). */
  readonly active = input(false);
  /** Show a link to what the thread is about (for lists that cross targets, like the inbox). */
  readonly showTarget = input(false);
  /** What in the target the thread is about, when the host can name it (e.g. a board note's text). */
  readonly partLabel = input<string | null>(null);

  readonly changed = output<CommentThreadView>();
  readonly withdrawn = output<string>();

  protected readonly id = `kh-thread-${nextId++}`;
  protected readonly canChooseBadge = isExperienceExpert(inject(AuthStore));
  protected readonly replying = signal(false);
  private readonly requests = commentRequests();
  protected readonly busy = this.requests.busy;
  protected readonly replyError = signal<unknown>(null);
  protected readonly error = this.requests.error;
  /** The target's page with `?thread=` (the link may already carry a query). */
  protected readonly targetLink = computed(() => {
    const thread = this.thread();
    const tree = this.router.parseUrl(thread.link);
    tree.queryParams = { ...tree.queryParams, thread: thread.id };
    return tree;
  });
  protected readonly starter = computed(
    () => this.thread().comments[0]?.authorName ?? this.i18n.translate('commentThread.someone'),
  );

  protected startReply(): void {
    this.replyError.set(null);
    this.replying.set(true);
    afterNextRender(() => this.composer()?.focus(), { injector: this.injector });
  }

  protected cancelReply(): void {
    this.replying.set(false);
    this.focusLater('[data-testid="thread-reply"]');
  }

  protected sendReply(options: CommentWriteOptions): void {
    this.requests.run(
      this.api.reply(this.thread().id, options),
      (thread) => {
        this.composer()?.clear();
        this.replying.set(false);
        this.requests.announce(options.holdForReview ? 'comments.createdHeld' : 'commentThread.replied');
        this.changed.emit(thread);
        this.focusLater('[data-testid="thread-reply"]');
      },
      this.replyError,
    );
  }

  protected resolve(): void {
    const thread = this.thread();
    const reopening = thread.status === 'resolved';
    this.run(
      reopening ? this.api.reopen(thread.id) : this.api.resolve(thread.id),
      reopening ? 'commentThread.reopened' : 'commentThread.resolved',
    );
  }

  protected onWithdrawn(commentId: string): void {
    this.withdrawn.emit(commentId);
    // The thread as it is now ("removed by the writer"); if it is gone, the host's reload shows that.
    this.api.get(this.thread().id).subscribe({ next: (thread) => this.changed.emit(thread), error: () => undefined });
  }

  private run(request: Observable<CommentThreadView>, done: TranslationKey): void {
    this.requests.run(request, (thread) => {
      this.requests.announce(done);
      this.changed.emit(thread);
    });
  }

  private focusLater(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
