import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, input, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { LIMITS, type Space } from '@kehittamo/shared/domain';
import { BoardApi, describeError, I18nService, remote, TranslatePipe } from '@kehittamo/web/core';
import {
  applyServerErrors,
  ErrorMessageComponent,
  FieldErrorPipe,
  focusFirstInvalid,
  NoticeComponent,
} from '@kehittamo/web/ui';

/**
 * The space's boards as links to `/spaces/:id/boards/:boardId` (the boards feature), and
 * for people with edit rights a form to create one. Uses BoardApi from web/core, never the
 * boards feature itself.
 */
@Component({
  selector: 'kh-space-boards',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslatePipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
  ],
  templateUrl: './space-boards.component.html',
})
export class SpaceBoardsComponent {
  private readonly api = inject(BoardApi);
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly space = input.required<Space>();

  protected readonly boards = remote({ params: () => this.space().id, load: (id: string) => this.api.list(id) });
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(LIMITS.boardTitleMax)]],
  });
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<unknown>(null);

  protected submit(directive: FormGroupDirective): void {
    if (this.busy()) return;
    this.notice.set(null);
    const title = this.form.controls.title.value.trim();
    if (!title) this.form.controls.title.setValue('');
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.create({ spaceId: this.space().id, title }).subscribe({
      next: (board) => {
        this.busy.set(false);
        directive.resetForm({ title: '' });
        this.boards.update((boards) => [board, ...boards.filter((b) => b.id !== board.id)]);
        this.notice.set(this.i18n.translate('boards.created', { title: board.title }));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(error);
        applyServerErrors(this.form, describeError(error, (key, params) => this.i18n.translate(key, params)));
      },
    });
  }
}
