import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { InvitationSummary } from '@kehittamo/shared/domain';
import { DateTimePipe, I18nService, InvitationApi, LabelPipe, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, NoticeComponent } from '@kehittamo/web/ui';

/** Invitations not yet accepted, revoked or expired; each can be revoked. */
@Component({
  selector: 'kh-pending-invitations',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, LabelPipe, DateTimePipe, ErrorMessageComponent, NoticeComponent],
  templateUrl: './pending-invitations.component.html',
})
export class PendingInvitationsComponent {
  private readonly api = inject(InvitationApi);
  private readonly i18n = inject(I18nService);

  readonly organisationId = input.required<string>();
  /** Changes when the parent knows the list is stale (a new invitation). */
  readonly version = input(0);

  protected readonly invitations = remote({
    params: () => ({ organisationId: this.organisationId(), version: this.version() }),
    load: ({ organisationId }) => this.api.list(organisationId),
  });
  protected readonly pending = computed(() => {
    const now = Date.now();
    return (this.invitations.value() ?? [])
      .filter((i) => !i.acceptedAt && !i.revokedAt && Date.parse(i.expiresAt) > now)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  });
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<unknown>(null);

  protected revoke(invitation: InvitationSummary): void {
    this.notice.set(null);
    this.error.set(null);
    this.api.revoke(invitation.id).subscribe({
      next: () => {
        this.invitations.update((all) => all.filter((i) => i.id !== invitation.id));
        this.notice.set(this.i18n.translate('organisation.revoked', { email: invitation.email }));
      },
      error: (error: unknown) => this.error.set(error),
    });
  }
}
