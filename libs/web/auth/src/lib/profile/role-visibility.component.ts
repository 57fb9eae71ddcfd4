import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { AuthApi, AuthStore, OrganisationApi, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import type { MembershipSummary } from '@kehittamo/shared/domain';
import { switchMap } from 'rxjs';

/**
 * Lets a member decide whether others see their role in one organisation — for an
 * experience expert, whether others learn that they have lived experience of child protection.
 */
@Component({
  selector: 'kh-role-visibility',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ErrorMessageComponent],
  template: `
    <div class="kh-checkbox-row">
      <input
        type="checkbox"
        [id]="'show-role-' + membership().organisationId"
        [attr.aria-describedby]="'show-role-hint-' + membership().organisationId"
        [checked]="membership().roleVisible"
        [disabled]="saving()"
        data-testid="profile-show-role"
        (change)="save($any($event.target).checked)"
      />
      <label [for]="'show-role-' + membership().organisationId">{{ 'profile.showRole' | t }}</label>
    </div>
    <p class="kh-hint" [id]="'show-role-hint-' + membership().organisationId">{{ 'profile.showRoleHint' | t }}</p>
    @if (saved()) {
      <p role="status" data-testid="notice">{{ 'profile.roleVisibilitySaved' | t }}</p>
    }
    <kh-error-message [error]="error()" />
  `,
  styles: `
    .kh-checkbox-row { display: flex; align-items: center; gap: 0.5rem; min-height: 44px; }
    .kh-checkbox-row input { width: 1.5rem; height: 1.5rem; margin: 0; }
    .kh-hint { margin: 0.25rem 0 0; font-size: 0.875rem; }
  `,
})
export class RoleVisibilityComponent {
  readonly membership = input.required<MembershipSummary>();
  readonly userId = input.required<string>();

  private readonly organisations = inject(OrganisationApi);
  private readonly authApi = inject(AuthApi);
  private readonly auth = inject(AuthStore);

  protected readonly saving = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<unknown>(null);

  protected save(roleVisible: boolean): void {
    this.saving.set(true);
    this.saved.set(false);
    this.error.set(null);
    this.organisations
      .updateMember(this.membership().organisationId, this.userId(), { roleVisible })
      .pipe(switchMap(() => this.authApi.me()))
      .subscribe({
        next: (me) => {
          this.auth.set(me);
          this.saving.set(false);
          this.saved.set(true);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.error.set(error);
        },
      });
  }
}
