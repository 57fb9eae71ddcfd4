import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { LIMITS, type Organisation, type Space, type SpaceKind } from '@kehittamo/shared/domain';
import { AuthStore, describeError, I18nService, LabelPipe, SpaceApi, TranslatePipe } from '@kehittamo/web/core';
import {
  applyServerErrors,
  ErrorMessageComponent,
  FieldErrorPipe,
  focusFirstInvalid,
  NoticeComponent,
} from '@kehittamo/web/ui';
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
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

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
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<unknown>(null);

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
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host.nativeElement, this.injector);
      return;
    }
    const { name, description, kind, organisationId } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api
      .create({
        name: name.trim(),
        description: description.trim(),
        kind,
        ...(kind === 'organisation' ? { organisationId } : {}),
      })
      .subscribe({
        next: (space) => {
          this.busy.set(false);
          this.notice.set(this.i18n.translate('spaces.created', { name: space.name }));
          directive.resetForm({ name: '', description: '', kind, organisationId });
          this.created.emit(space);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(error);
          applyServerErrors(this.form, describeError(error, (key, params) => this.i18n.translate(key, params)));
        },
      });
  }
}
