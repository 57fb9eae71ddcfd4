import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { LIMITS, type Organisation, type Space, type SpaceKind } from '@kehittamo/shared/domain';
import { AuthStore, I18nService, LabelPipe, SpaceApi, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe, formSubmission, NoticeComponent } from '@kehittamo/web/ui';
import { managedOrganisationIds } from '../shared/managed-organisations';

/**
 * Coordinators create spaces for their organisation; admins may also create spaces
 * shared by the whole project.
 */
@Component({
  selector: 'kh-create-space-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslatePipe,
    LabelPipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
  ],
  templateUrl: './create-space-form.component.html',
})
export class CreateSpaceFormComponent {
  private readonly api = inject(SpaceApi);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  readonly organisations = input.required<Organisation[]>();
  readonly created = output<Space>();

  protected readonly kinds = computed<SpaceKind[]>(() =>
    this.auth.isAdmin() ? ['organisation', 'project'] : ['organisation'],
  );
  protected readonly ownOrganisations = computed(() => {
    const managed = managedOrganisationIds(this.auth.me());
    return this.organisations().filter((organisation) => managed === 'all' || managed.has(organisation.id));
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(LIMITS.spaceNameMax)]],
    description: ['', [Validators.maxLength(LIMITS.spaceDescriptionMax)]],
    kind: ['organisation' as SpaceKind],
    organisationId: ['', [Validators.required]],
  });
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, { initialValue: 'organisation' });
  private readonly submission = formSubmission(this.form);
  protected readonly busy = this.submission.busy;
  protected readonly error = this.submission.error;
  protected readonly notice = signal<string | null>(null);

  constructor() {
    // A project-wide space belongs to no organisation, so the choice is neither shown nor required.
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => {
      const organisation = this.form.controls.organisationId;
      if (kind === 'project') organisation.disable();
      else organisation.enable();
    });
  }

  protected submit(directive: FormGroupDirective): void {
    if (this.busy()) return;
    this.notice.set(null);
    const { name, description, kind, organisationId } = this.form.getRawValue();
    const request = () =>
      this.api.create({
        name: name.trim(),
        description: description.trim(),
        kind,
        ...(kind === 'organisation' ? { organisationId } : {}),
      });
    this.submission.submit(request, {
      done: (space) => {
        this.notice.set(this.i18n.translate('spaces.created', { name: space.name }));
        directive.resetForm({ name: '', description: '', kind, organisationId });
        this.created.emit(space);
      },
    });
  }
}
