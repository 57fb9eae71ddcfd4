import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkTextareaAutosize } from '@angular/cdk/text-field';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  COMMENT_LIMITS,
  findSensitiveData,
  mentionToken,
  SENSITIVE_KINDS,
  type CommentVisibility,
  type CommentWriteOptions,
  type MentionCandidate,
  type SensitiveFinding,
  type SensitiveKind,
} from '@kehittamo/shared/domain';
import { CommentApi, I18nService, LabelPipe, toApiError, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { catchError, map, of, Subject, switchMap, timer } from 'rxjs';
import { mentionQueryAt, type MentionQuery } from './mention-query';

/** What the composer is for: a new thread, a reply, or editing an own comment (body and hold only). */
export type CommentComposerMode = 'thread' | 'reply' | 'edit';

/** Typing pauses this long before members are searched for a mention. */
export const MENTION_DEBOUNCE_MS = 250;
/** After the text area loses focus the list closes, unless focus came back (a tap on an option). */
const BLUR_CLOSE_MS = 200;

let nextId = 0;

/**
 * Writes a comment. A large labelled text area that grows with the text and leaves typing alone:
 * no key is intercepted unless the mention list is open, and never during IME composition, so
 * dictation and voice input work. Typing `@` and a name start lists members of the space (the text
 * area keeps focus; `aria-activedescendant` points at the highlighted member; Up/Down, Enter, Escape,
 * or a tap). The chosen member goes into the text as a mention token.
 *
 * Before sending, the text is checked for identifying details (`findSensitiveData`). Findings show
 * a warning listing only their kinds, never the text, with two ways on: edit the text (focus and
 * select the first finding) or send it to be reviewed by a coordinator (`holdForReview: true`).
 * A server refusal (`sensitive_content`, given back through `error`) is shown the same way.
 */
@Component({
  selector: 'kh-comment-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CdkTextareaAutosize, MatButton, TranslatePipe, LabelPipe, ErrorMessageComponent],
  templateUrl: './comment-composer.component.html',
  styleUrl: './comment-composer.component.scss',
})
export class CommentComposerComponent {
  private readonly api = inject(CommentApi);
  private readonly i18n = inject(I18nService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly textarea = viewChild.required<ElementRef<HTMLTextAreaElement>>('textarea');
  private readonly autosize = viewChild(CdkTextareaAutosize);

  /** The space whose members can be mentioned. */
  readonly spaceId = input.required<string>();
  readonly mode = input<CommentComposerMode>('thread');
  /** Offer "show the experience-expert badge" (per comment). */
  readonly canChooseBadge = input(true);
  /** Offer "only facilitators and coordinators" (not for edits, nor replies in a private thread). */
  readonly canChooseVisibility = input(true);
  /** A request is running: sending again does nothing. */
  readonly busy = input(false);
  /** The last failed request, if any; `sensitive_content` becomes the warning, anything else a message. */
  readonly error = input<unknown>(null);
  /** Text to start from (editing). */
  readonly initialBody = input('');
  /** Show a cancel button (inline replies and edits). */
  readonly cancellable = input(false);

  readonly submitted = output<CommentWriteOptions>();
  readonly cancelled = output<void>();

  protected readonly id = `kh-composer-${nextId++}`;
  protected readonly max = COMMENT_LIMITS.bodyMax;
  protected readonly text = signal('');
  protected readonly expertBadge = signal(false);
  protected readonly visibility = signal<CommentVisibility>('space');
  protected readonly problem = signal<'empty' | 'tooLong' | null>(null);
  /** Findings the warning is about (from the local check or the server). */
  protected readonly findings = signal<readonly SensitiveFinding[] | null>(null);
  protected readonly warningKinds = computed<SensitiveKind[]>(() => {
    const kinds = new Set((this.findings() ?? []).map((finding) => finding.kind));
    return SENSITIVE_KINDS.filter((kind) => kinds.has(kind));
  });
  protected readonly otherError = computed(() => {
    const error = this.error();
    return error && toApiError(error)?.code !== 'sensitive_content' ? error : null;
  });
  protected readonly length = computed(() => this.text().length);
  protected readonly labelKey = computed(() =>
    this.mode() === 'reply' ? 'commentComposer.replyLabel' : this.mode() === 'edit' ? 'commentComposer.editLabel' : 'commentComposer.label',
  );
  protected readonly sendKey = computed(() =>
    this.mode() === 'reply' ? 'commentComposer.reply' : this.mode() === 'edit' ? 'commentComposer.save' : 'commentComposer.send',
  );

  // --- mentions
  private readonly mention = signal<MentionQuery | null>(null);
  /** The `@` whose list was closed with Escape: not reopened until another mention starts. */
  private dismissedAt: number | null = null;
  private readonly queries = new Subject<string | null>();
  protected readonly candidates = signal<readonly MentionCandidate[] | null>(null);
  protected readonly active = signal(-1);
  protected readonly listOpen = computed(() => this.mention() !== null && this.candidates() !== null);
  protected readonly activeOptionId = computed(() =>
    this.listOpen() && this.active() >= 0 ? `${this.id}-option-${this.active()}` : null,
  );
  private blurTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    this.queries
      .pipe(
        switchMap((query) =>
          query === null
            ? of(null)
            : timer(MENTION_DEBOUNCE_MS).pipe(
                switchMap(() => this.api.mentionable(this.spaceId(), query)),
                map((found) => found.slice(0, 8)),
                catchError(() => of([] as MentionCandidate[])),
              ),
        ),
      )
      .subscribe((found) => {
        this.candidates.set(found);
        this.active.set(found?.length ? 0 : -1);
      });
    inject(DestroyRef).onDestroy(() => {
      this.queries.complete();
      clearTimeout(this.blurTimer);
    });

    effect(() => {
      const error = this.error();
      untracked(() => {
        const apiError = toApiError(error);
        if (apiError?.code === 'sensitive_content') {
          this.findings.set(apiError.findings?.length ? apiError.findings : findSensitiveData(this.text()));
        }
      });
    });
    effect(() => {
      const body = this.initialBody();
      untracked(() => this.text.set(body));
    });
  }

  /** Empties the text area after a successful send; keeps the badge and visibility choices. */
  clear(): void {
    const element = this.textarea().nativeElement;
    element.value = '';
    this.text.set('');
    this.findings.set(null);
    this.problem.set(null);
    this.closeList();
    this.autosize()?.reset();
  }

  focus(): void {
    this.textarea().nativeElement.focus();
  }

  protected onInput(event: Event): void {
    const element = this.textarea().nativeElement;
    this.text.set(element.value);
    if (this.problem() === 'empty' && element.value.trim()) this.problem.set(null);
    if (this.problem() === 'tooLong' && element.value.length <= this.max) this.problem.set(null);
    if (this.findings()) {
      // The warning follows the text: gone when the details are gone.
      const findings = findSensitiveData(element.value);
      this.findings.set(findings.length ? findings : null);
    }
    // During IME composition the text is not final; compositionend updates the list.
    if (!(event as InputEvent).isComposing) this.updateMention();
  }

  protected updateMention(): void {
    const element = this.textarea().nativeElement;
    if (element.selectionStart !== element.selectionEnd) return this.closeList();
    const found = mentionQueryAt(element.value, element.selectionStart);
    if (!found || found.start === this.dismissedAt) {
      if (!found) this.dismissedAt = null;
      return this.closeList();
    }
    const previous = this.mention();
    this.mention.set(found);
    if (previous?.query !== found.query || previous.start !== found.start) this.queries.next(found.query);
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.isComposing || event.keyCode === 229) return;
    const list = this.candidates();
    if (!this.listOpen() || !list) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!list.length) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.active.update((index) => (index + step + list.length) % list.length);
        this.textarea()
          .nativeElement.ownerDocument.getElementById(`${this.id}-option-${this.active()}`)
          ?.scrollIntoView?.({ block: 'nearest' });
        return;
      }
      case 'Enter': {
        const chosen = list[this.active()];
        if (!chosen) return; // nothing highlighted: Enter is a new line as usual
        event.preventDefault();
        this.choose(chosen);
        return;
      }
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.dismissedAt = this.mention()?.start ?? null;
        this.closeList();
        return;
    }
  }

  protected onKeyup(event: KeyboardEvent): void {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(event.key)) this.updateMention();
  }

  protected onFocus(): void {
    clearTimeout(this.blurTimer);
  }

  protected onBlur(): void {
    clearTimeout(this.blurTimer);
    this.blurTimer = setTimeout(() => this.closeList(), BLUR_CLOSE_MS);
  }

  protected choose(candidate: MentionCandidate): void {
    const mention = this.mention();
    if (!mention) return;
    const element = this.textarea().nativeElement;
    const end = mention.start + 1 + mention.query.length;
    element.focus();
    element.setRangeText(`${mentionToken(candidate)} `, mention.start, end, 'end');
    this.text.set(element.value);
    this.closeList();
    this.autosize()?.resizeToFitContent(true);
    void this.announcer.announce(
      this.i18n.translate('commentComposer.mentioned', { name: candidate.displayName }),
      'polite',
    );
  }

  protected send(): void {
    if (this.busy()) return;
    const body = this.text();
    if (!body.trim()) return this.refuse('empty');
    if (body.length > this.max) return this.refuse('tooLong');
    this.problem.set(null);
    const findings = findSensitiveData(body);
    if (findings.length) {
      this.findings.set(findings);
      return;
    }
    this.emit(false);
  }

  /** After the warning: keep the text as it is, but let a coordinator read it first. */
  protected sendForReview(): void {
    if (this.busy() || !this.text().trim()) return;
    this.emit(true);
  }

  /** After the warning: back to the text, with the first finding selected. */
  protected editText(): void {
    const element = this.textarea().nativeElement;
    const first = [...(this.findings() ?? [])].sort((a, b) => a.start - b.start)[0];
    element.focus();
    if (first) {
      const end = Math.min(first.end, element.value.length);
      element.setSelectionRange(Math.min(first.start, end), end);
    }
  }

  private emit(holdForReview: boolean): void {
    const options: CommentWriteOptions = { body: this.text() };
    if (this.mode() !== 'edit') {
      if (this.canChooseBadge()) options.expertBadge = this.expertBadge();
      if (this.canChooseVisibility()) options.visibility = this.visibility();
    }
    if (holdForReview) options.holdForReview = true;
    this.submitted.emit(options);
  }

  private refuse(problem: 'empty' | 'tooLong'): void {
    this.problem.set(problem);
    this.focus();
  }

  private closeList(): void {
    this.mention.set(null);
    this.candidates.set(null);
    this.active.set(-1);
    this.queries.next(null);
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }
}
