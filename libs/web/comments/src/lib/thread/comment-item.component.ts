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
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  COMMENT_LIMITS,
  COMMENT_OUTCOMES,
  COMMENT_REACTION_EMOJI,
  COMMENT_REACTIONS,
  type CommentOutcomeKind,
  type CommentReaction,
  type CommentReactionCount,
  type CommentThreadView,
  type CommentView,
  type CommentWriteOptions,
} from '@kehittamo/shared/domain';
import {
  CommentApi,
  DateTimePipe,
  I18nService,
  LabelPipe,
  TranslatePipe,
  type TranslationKey,
} from '@kehittamo/web/core';
import { ConfirmButtonComponent, ErrorMessageComponent } from '@kehittamo/web/ui';
import type { Observable } from 'rxjs';
import { CommentBodyComponent } from '../body/comment-body.component';
import { commentRequests } from './comment-requests';
import { CommentComposerComponent } from '../composer/comment-composer.component';

type Panel = 'edit' | 'decide' | 'hide';

let nextId = 0;

/**
 * One comment of a thread with what the reader may do to it (its `can` flags): react, edit or
 * withdraw an own comment, tell what was done with it ("you said, we did"), and moderate (approve
 * a held comment, hide with a reason, show again). Every change answers with the whole thread,
 * passed up through `changed`. Internal to this library; hosts use `kh-comment-thread`.
 */
@Component({
  selector: 'kh-comment-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    RouterLink,
    TranslatePipe,
    LabelPipe,
    DateTimePipe,
    ConfirmButtonComponent,
    ErrorMessageComponent,
    CommentBodyComponent,
    CommentComposerComponent,
  ],
  templateUrl: './comment-item.component.html',
  styleUrl: './comment-item.component.scss',
})
export class CommentItemComponent {
  private readonly api = inject(CommentApi);
  private readonly i18n = inject(I18nService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly comment = input.required<CommentView>();
  readonly thread = input.required<CommentThreadView>();
  readonly spaceId = input.required<string>();

  readonly changed = output<CommentThreadView>();
  readonly withdrawn = output<string>();

  protected readonly id = `kh-comment-${nextId++}`;
  protected readonly outcomes = COMMENT_OUTCOMES;
  protected readonly emoji = COMMENT_REACTION_EMOJI;
  protected readonly reasonMax = COMMENT_LIMITS.reasonMax;
  protected readonly panel = signal<Panel | null>(null);
  private readonly requests = commentRequests();
  protected readonly busy = this.requests.busy;
  protected readonly error = this.requests.error;
  protected readonly decideKind = signal<CommentOutcomeKind>('accepted');
  protected readonly reason = signal('');

  protected readonly visible = computed(() => {
    const state = this.comment().state;
    return state === 'published' || state === 'held';
  });
  /** Every reaction in a fixed order, so a button stays in place when its count goes from 0 to 1. */
  protected readonly reactions = computed<CommentReactionCount[]>(() => {
    const counts = this.comment().reactions;
    return COMMENT_REACTIONS.map((key) => counts.find((count) => count.key === key) ?? { key, count: 0, mine: false });
  });
  /** Link to the version list when the change landed in a saved model version. */
  protected readonly versionsLink = computed(() => {
    const thread = this.thread();
    return thread.target.kind === 'model' ? ['/models', thread.target.id, 'versions'] : null;
  });

  protected react(key: CommentReaction): void {
    this.run(this.api.react(this.comment().id, key), null);
  }

  protected open(panel: Panel): void {
    this.error.set(null);
    const outcome = this.comment().outcome;
    this.decideKind.set(outcome?.kind ?? 'accepted');
    this.reason.set(panel === 'decide' ? (outcome?.reason ?? '') : '');
    this.panel.set(panel);
    this.focusLater(panel === 'edit' ? 'textarea' : `[data-focus="${panel}"]`);
  }

  protected close(): void {
    const panel = this.panel();
    this.panel.set(null);
    this.error.set(null);
    if (panel) this.focusLater(`[data-opens="${panel}"]`);
  }

  protected saveEdit(options: CommentWriteOptions): void {
    const request = options.holdForReview ? { body: options.body, holdForReview: true } : { body: options.body };
    this.run(this.api.update(this.comment().id, request), options.holdForReview ? 'comments.createdHeld' : 'commentThread.saved', 'edit');
  }

  protected saveDecision(): void {
    const request = { kind: this.decideKind(), reason: this.reason().trim() };
    this.run(this.api.setOutcome(this.comment().id, request), 'commentThread.decided', 'decide');
  }

  protected clearDecision(): void {
    this.run(this.api.clearOutcome(this.comment().id), 'commentThread.decisionRemoved');
  }

  protected hide(): void {
    const reason = this.reason().trim();
    if (!reason) {
      this.focusLater('[data-focus="hide"]');
      return;
    }
    this.run(this.api.hide(this.comment().id, { reason }), 'commentThread.hiddenDone', 'hide');
  }

  protected unhide(): void {
    this.run(this.api.unhide(this.comment().id), 'commentThread.unhidden');
  }

  protected approve(): void {
    this.run(this.api.approve(this.comment().id), 'commentThread.approved');
  }

  protected withdraw(): void {
    this.requests.run(this.api.withdraw(this.comment().id), () => {
      this.requests.announce('commentThread.withdrawnDone');
      this.withdrawn.emit(this.comment().id);
    });
  }

  protected reactionLabel(key: CommentReaction, count: number): string {
    return this.i18n.translate('commentThread.reactionLabel', {
      reaction: this.i18n.label('commentReactions', key),
      count,
    });
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  private run(request: Observable<CommentThreadView>, done: TranslationKey | null, closes?: Panel): void {
    this.requests.run(request, (thread) => {
      if (closes) {
        this.panel.set(null);
        this.focusLater(`[data-opens="${closes}"]`);
      }
      if (done) this.requests.announce(done);
      this.changed.emit(thread);
    });
  }

  /** Focus never falls to the page: after a form opens or closes it lands on what follows. */
  private focusLater(selector: string): void {
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        (root.querySelector<HTMLElement>(selector) ?? root.querySelector<HTMLElement>('[data-opens]'))?.focus();
      },
      { injector: this.injector },
    );
  }
}
