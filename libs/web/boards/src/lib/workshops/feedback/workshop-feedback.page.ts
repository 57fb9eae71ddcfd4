import { HttpErrorResponse } from '@angular/common/http';
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
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { FEEDBACK_QUESTIONS, WORKSHOP_LIMITS, type FeedbackQuestion, type WorkshopFeedbackRequest } from '@kehittamo/shared/domain';
import { remote, toApiError, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { FEEDBACK_QUESTION_LABEL } from '../shared/labels';
import { WorkshopNavComponent } from '../shared/workshop-nav.component';
import { WorkshopApi } from '../workshop.api';
import { FeedbackScaleComponent } from './feedback-scale.component';

/**
 * Session feedback: four 0–10 questions in plain language, anonymous, once per person.
 * Facilitators see the averages, and only from enough answers that nobody can be picked out.
 */
@Component({
  selector: 'kh-workshop-feedback-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, ErrorMessageComponent, WorkshopNavComponent, FeedbackScaleComponent],
  templateUrl: './workshop-feedback.page.html',
  styles: `
    .kh-feedback-form {
      max-width: 40rem;
    }
    .kh-feedback-averages {
      display: grid;
      gap: 0.5rem;
      margin: 0;
    }
    .kh-feedback-averages div {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.5rem;
      max-width: 34rem;
      padding-block: 0.25rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .kh-feedback-averages dd {
      margin: 0;
      font-weight: 700;
    }
  `,
})
export class WorkshopFeedbackPage {
  private readonly api = inject(WorkshopApi);
  private readonly title = inject(PageTitleStrategy);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly thanks = viewChild<ElementRef<HTMLElement>>('thanks');

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly questions = FEEDBACK_QUESTIONS;
  protected readonly questionLabel = FEEDBACK_QUESTION_LABEL;
  protected readonly minResponses = WORKSHOP_LIMITS.feedbackMinResponses;
  protected readonly workshop = remote({ params: () => this.id(), load: (id: string) => this.api.get(id) });
  protected readonly feedback = remote({ params: () => this.id(), load: (id: string) => this.api.feedback(id) });
  protected readonly answers = signal<Record<FeedbackQuestion, number | null>>({ heard: null, mattered: null, suited: null, overall: null });
  protected readonly attempted = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  /** Sent now, or found out (409) that it was sent before. */
  protected readonly sent = signal<'now' | 'before' | null>(null);
  protected readonly answered = computed(() => this.sent() !== null || (this.feedback.value()?.answered ?? false));
  protected readonly missing = computed(() => this.questions.filter((question) => this.answers()[question] === null));

  constructor() {
    effect(() => this.title.setDetail(this.workshop.value()?.title ?? null));
  }

  protected setAnswer(question: FeedbackQuestion, value: number | null): void {
    this.answers.update((answers) => ({ ...answers, [question]: value }));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    this.attempted.set(true);
    const missing = this.missing();
    if (missing.length) {
      // Straight to the first unanswered question: its error is read with the group's name.
      this.host.nativeElement.querySelector<HTMLInputElement>(`input[name="${missing[0]}"]`)?.focus();
      return;
    }
    const answers = this.answers() as WorkshopFeedbackRequest;
    this.busy.set(true);
    this.error.set(null);
    this.api.sendFeedback(this.id(), answers).subscribe({
      next: () => this.done('now'),
      error: (failure: unknown) => {
        this.busy.set(false);
        const conflict = toApiError(failure)?.code === 'conflict' || (failure instanceof HttpErrorResponse && failure.status === 409);
        if (conflict) this.done('before');
        else this.error.set(failure);
      },
    });
  }

  private done(when: 'now' | 'before'): void {
    this.busy.set(false);
    this.sent.set(when);
    this.feedback.reload();
    afterNextRender(() => this.thanks()?.nativeElement.focus(), { injector: this.injector });
  }
}
