import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  defaultSpaceAccess,
  SPACE_ACCESS_LEVELS,
  type Member,
  type Space,
  type SpaceAccess,
} from '@kehittamo/shared/domain';
import { LabelPipe, OrganisationApi, remote, SpaceApi, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, FieldErrorPipe } from '@kehittamo/web/ui';

/**
 * Picks a person from an organisation's members. An organisation's own space offers
 * only that organisation; a project-wide space offers every organisation.
 * The access starts at the person's role default (experts comment, observers view).
 */
@Component({
  selector: 'kh-add-space-member-form',
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
  ],
  templateUrl: './add-space-member-form.component.html',
})
export class AddSpaceMemberFormComponent implements OnInit {
  private readonly spaceApi = inject(SpaceApi);
  private readonly organisationApi = inject(OrganisationApi);

  readonly space = input.required<Space>();
  readonly existingUserIds = input.required<string[]>();
  /** Emits the display name of the person added. */
  readonly added = output<string>();

  protected readonly accessLevels = SPACE_ACCESS_LEVELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    organisationId: ['', [Validators.required]],
    userId: ['', [Validators.required]],
    access: ['comment' as SpaceAccess],
  });
  private readonly organisationId = toSignal(this.form.controls.organisationId.valueChanges, { initialValue: '' });

  protected readonly organisations = remote({
    params: () => this.space(),
    load: () => this.organisationApi.list(),
  });
  protected readonly organisationChoices = computed(() => {
    const space = this.space();
    const all = this.organisations.value() ?? [];
    return space.kind === 'organisation' ? all.filter((o) => o.id === space.organisationId) : all;
  });
  protected readonly members = remote({
    params: () => this.organisationId() || undefined,
    load: (organisationId: string) => this.organisationApi.members(organisationId),
  });
  protected readonly candidates = computed(() => {
    const existing = new Set(this.existingUserIds());
    return (this.members.value() ?? [])
      .filter((member) => !existing.has(member.userId))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);

  ngOnInit(): void {
    // An organisation's own space has exactly one organisation to choose from: choose it.
    const space = this.space();
    if (space.kind === 'organisation' && space.organisationId) {
      this.form.controls.organisationId.setValue(space.organisationId);
    }
  }

  protected personChosen(): void {
    const member = this.findCandidate(this.form.controls.userId.value);
    if (member?.role) this.form.controls.access.setValue(defaultSpaceAccess(member.role));
  }

  protected submit(directive: FormGroupDirective): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { organisationId, userId, access } = this.form.getRawValue();
    const member = this.findCandidate(userId);
    this.busy.set(true);
    this.error.set(null);
    this.spaceApi.setMember(this.space().id, userId, { access }).subscribe({
      next: () => {
        this.busy.set(false);
        directive.resetForm({ organisationId, userId: '', access: 'comment' });
        this.added.emit(member?.displayName ?? '');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(error);
      },
    });
  }

  private findCandidate(userId: string): Member | undefined {
    return this.candidates().find((member) => member.userId === userId);
  }
}
