import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import type {
  CommentAnchor,
  CommentTarget,
  CommentThreadList,
  CommentThreadView,
  CommentWriteOptions,
} from '@kehittamo/shared/domain';
import { AuthStore, CommentApi, I18nService, NotificationStore, remote, TranslatePipe } from '@kehittamo/web/core';
import { isExperienceExpert } from '../composer/expert';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { debounceTime, filter } from 'rxjs';
import { CommentComposerComponent } from '../composer/comment-composer.component';
import { CommentThreadComponent } from '../thread/comment-thread.component';

/** Several change events in a burst (a reply and its notification) cause one reload. */
const RELOAD_DEBOUNCE_MS = 300;

let nextId = 0;

/**
 * The comments of one target (a model description or one of its parts, a board note, a workshop):
 * a form for a new thread, optionally about a text range the host editor has selected
 * (`pendingAnchor`; its quote is shown), and the threads, open ones only unless "show resolved"
 * is ticked. Reloads when `NotificationStore.threadChanged` reports a change on this target, and
 * reports every list it shows (`threadsChanged`) so the host can draw highlights.
 *
 * `target.part` narrows the list to that part; without it every thread of the target is shown
 * (and `newThreadPart` says which part a new thread is about).
 */
@Component({
  selector: 'kh-comment-threads',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, ErrorMessageComponent, CommentComposerComponent, CommentThreadComponent],
  templateUrl: './comment-threads-panel.component.html',
  styleUrl: './comment-threads-panel.component.scss',
})
export class CommentThreadsPanelComponent {
  private readonly api = inject(CommentApi);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly composer = viewChild(CommentComposerComponent);

  readonly spaceId = input.required<string>();
  readonly target = input.required<CommentTarget>();
  /** A text range the user chose to comment on; the next new thread is anchored to it. */
  readonly pendingAnchor = input<CommentAnchor | null>(null);
  /**
   * The part a new thread is about when it differs from `target.part`, e.g. the section of the
   * pending anchor while the panel lists every thread of the model (`target` without a part).
   */
  readonly newThreadPart = input<string | null>(null);
  /**
   * When set, no new thread can be started yet and this (translated) sentence says why — e.g. on a
   * board, where a thread is always about one note: "Select a note to comment on it".
   */
  readonly newThreadHint = input<string | null>(null);
  /** Names of the target's parts (e.g. a board note's text by its id), shown with each thread. */
  readonly partLabels = input<ReadonlyMap<string, string> | null>(null);
  /** False when the host page gives the comments its own heading (then the panel starts at h3). */
  readonly showHeading = input(true);
  /** The thread to highlight and bring into view (e.g. from `?thread=` or a click on a highlight). */
  readonly activeThreadId = input<string | null>(null);

  /** The pending anchor was used for a new thread, or the user chose not to use it. */
  readonly anchorUsed = output<void>();
  /** "Show in the text" on an anchored thread. */
  readonly threadSelected = output<string>();
  /** The threads shown, after every load and change. */
  readonly threadsChanged = output<CommentThreadView[]>();

  protected readonly id = `kh-comments-${nextId++}`;
  protected readonly canChooseBadge = isExperienceExpert(inject(AuthStore));
  protected readonly showResolved = signal(false);
  protected readonly busy = signal(false);
  protected readonly createError = signal<unknown>(null);

  protected readonly list = remote<{ kind: CommentTarget['kind']; id: string; status: 'open' | 'all' }, CommentThreadList>({
    params: () => {
      const target = this.target();
      return { kind: target.kind, id: target.id, status: this.showResolved() ? 'all' : 'open' };
    },
    load: (query) => this.api.list(query),
  });

  protected readonly threads = computed<CommentThreadView[]>(() => {
    const threads = this.list.value()?.threads ?? [];
    const part = this.target().part;
    return part ? threads.filter((thread) => thread.target.part === part) : threads;
  });
  /** Known only after loading; the server decides again on every request. */
  protected readonly canComment = computed(() => {
    const list = this.list.value();
    return list ? (list.can?.comment ?? true) : false;
  });

  private focusedThreadId: string | null = null;

  constructor() {
    const store = inject(NotificationStore);
    // After the socket was away, changes may have been missed: reload once it is back.
    let wasLive: boolean | null = null;
    effect(() => {
      const live = store.live();
      if (live && wasLive === false) untracked(() => this.list.reload());
      wasLive = live;
    });
    store
      .threadChanged.pipe(
        filter((event) => event.target.kind === this.target().kind && event.target.id === this.target().id),
        debounceTime(RELOAD_DEBOUNCE_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.list.reload());

    effect(() => {
      const threads = this.threads();
      if (this.list.value()) untracked(() => this.threadsChanged.emit(threads));
    });

    // A new range was chosen in the editor: the form is where the user continues.
    effect(() => {
      if (this.pendingAnchor()) untracked(() => afterNextRender(() => this.composer()?.focus(), { injector: this.injector }));
    });

    // Bring the selected thread into view once it is in the list, and move focus to its heading.
    effect(() => {
      const activeId = this.activeThreadId();
      const present = this.threads().some((thread) => thread.id === activeId);
      if (!activeId || !present) {
        if (!activeId) this.focusedThreadId = null;
        return;
      }
      if (activeId === this.focusedThreadId) return;
      this.focusedThreadId = activeId;
      untracked(() =>
        afterNextRender(
          () => {
            const article = this.host.nativeElement.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(activeId)}"]`);
            article?.scrollIntoView?.({ block: 'nearest' });
            article?.querySelector<HTMLElement>('h3')?.focus();
          },
          { injector: this.injector },
        ),
      );
    });
  }

  protected toggleResolved(event: Event): void {
    this.showResolved.set((event.target as HTMLInputElement).checked);
  }

  protected create(options: CommentWriteOptions): void {
    if (this.busy()) return;
    const anchor = this.pendingAnchor();
    this.busy.set(true);
    this.createError.set(null);
    const part = this.newThreadPart() ?? this.target().part;
    const target: CommentTarget = part ? { ...this.target(), part } : this.target();
    this.api.createThread({ ...options, target, anchor }).subscribe({
      next: (thread) => {
        this.busy.set(false);
        this.composer()?.clear();
        this.list.update((list) => ({ ...list, threads: [thread, ...list.threads.filter((t) => t.id !== thread.id)] }));
        if (anchor) this.anchorUsed.emit();
        void this.announcer.announce(
          this.i18n.translate(options.holdForReview ? 'comments.createdHeld' : 'comments.created'),
          'polite',
        );
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.createError.set(failure);
      },
    });
  }

  protected cancelAnchor(): void {
    this.anchorUsed.emit();
    this.composer()?.focus();
  }

  protected replace(thread: CommentThreadView): void {
    this.list.update((list) => ({ ...list, threads: list.threads.map((t) => (t.id === thread.id ? thread : t)) }));
  }

  protected reload(): void {
    this.list.reload();
  }
}
