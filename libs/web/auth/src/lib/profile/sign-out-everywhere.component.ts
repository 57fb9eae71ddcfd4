import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AuthStore, TranslatePipe } from '@kehittamo/web/core';
import { ConfirmButtonComponent, ErrorMessageComponent } from '@kehittamo/web/ui';

/** Ends every session of the user, e.g. after using a borrowed or lost phone. */
@Component({
  selector: 'kh-sign-out-everywhere',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ErrorMessageComponent, ConfirmButtonComponent],
  template: `
    <p>{{ 'profile.sessionsIntro' | t }}</p>
    <kh-error-message [error]="error()" />
    <kh-confirm-button
      testId="logout-all"
      [label]="'profile.logoutAll' | t"
      [question]="'profile.logoutAllConfirm' | t"
      [confirmLabel]="'profile.logoutAllYes' | t"
      (confirmed)="signOutEverywhere()"
    />
  `,
})
export class SignOutEverywhereComponent {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly error = signal<unknown>(null);

  protected signOutEverywhere(): void {
    this.error.set(null);
    this.auth.logoutAll().subscribe({
      next: () => void this.router.navigateByUrl('/login'),
      error: (error: unknown) => this.error.set(error),
    });
  }
}
