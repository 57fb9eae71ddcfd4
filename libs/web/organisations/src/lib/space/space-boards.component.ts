import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { isBuiltInTemplateKey, LIMITS, type BoardTemplate, type Space } from '@kehittamo/shared/domain';
import { BoardApi, I18nService, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission, NoticeComponent } from '@kehittamo/web/ui';

/**
 * The space's boards as links to `/spaces/:id/boards/:boardId` (the boards feature), and
 * for people with edit rights a form to create one: a name, a template (built-ins first, each
 * with its frames as a preview) and whether notes are anonymous. Uses BoardApi from web/core,
 * never the boards feature itself.
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
    MatCheckbox,
    MatRadioGroup,
    MatRadioButton,
    TranslatePipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
  ],
  templateUrl: './space-boards.component.html',
  styleUrl: './space-boards.component.scss',
})
export class SpaceBoardsComponent {
  private readonly api = inject(BoardApi);
  private readonly i18n = inject(I18nService);

  readonly space = input.required<Space>();

  protected readonly boards = remote({ params: () => this.space().id, load: (id: string) => this.api.list(id) });
  /** Loaded only for people who can create boards. */
  protected readonly templates = remote({
    params: () => (this.space().access === 'edit' ? true : undefined),
    load: () => this.api.templates(),
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(LIMITS.boardTitleMax)]],
    templateId: ['empty'],
    anonymous: [false],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly notice = signal<string | null>(null);

  protected submit(directive: FormGroupDirective): void {
    if (this.busy()) return;
    this.notice.set(null);
    const title = this.form.controls.title.value.trim();
    if (!title) this.form.controls.title.setValue('');
    const { templateId, anonymous } = this.form.getRawValue();
    this.submission.submit(() => this.api.create({ spaceId: this.space().id, title, templateId, anonymous }), {
      done: (board) => {
        directive.resetForm({ title: '', templateId: 'empty', anonymous: false });
        this.boards.update((boards) => [board, ...boards.filter((b) => b.id !== board.id)]);
        this.notice.set(this.i18n.translate('boards.created', { title: board.title }));
      },
    });
  }

  /** A built-in template's translated name, or a saved one's own. */
  protected templateName(template: BoardTemplate): string {
    if (template.name) return template.name;
    return isBuiltInTemplateKey(template.id) ? this.i18n.translate(`boards.templates.${template.id}`) : template.id;
  }
}
