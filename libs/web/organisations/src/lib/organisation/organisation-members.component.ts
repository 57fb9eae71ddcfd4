import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { ORGANISATION_ROLES, type Member, type OrganisationRole } from '@kehittamo/shared/domain';
import { AuthStore, DateTimePipe, I18nService, LabelPipe, OrganisationApi, remote, TranslatePipe } from '@kehittamo/web/core';
import { ConfirmButtonComponent, ErrorMessageComponent, NoticeComponent } from '@kehittamo/web/ui';

/** Member cards with role change and removal. Works on a phone: no wide table. */
@Component({
  selector: 'kh-organisation-members',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, LabelPipe, DateTimePipe, ErrorMessageComponent, NoticeComponent, ConfirmButtonComponent],
  templateUrl: './organisation-members.component.html',
})
export class OrganisationMembersComponent {
  private readonly api = inject(OrganisationApi);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  readonly organisationId = input.required<string>();

  protected readonly members = remote({
    params: () => this.organisationId(),
    load: (id: string) => this.api.members(id),
  });
  protected readonly sorted = computed(() =>
    [...(this.members.value() ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName)),
  );
  /** Only admins may hand out the admin role; the server enforces the same. */
  protected readonly roles = computed<readonly OrganisationRole[]>(() =>
    this.auth.isAdmin() ? ORGANISATION_ROLES : ORGANISATION_ROLES.filter((role) => role !== 'admin'),
  );
  protected readonly drafts = signal<Readonly<Record<string, OrganisationRole>>>({});
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<unknown>(null);

  protected draftRole(member: Member): OrganisationRole | null {
    return this.drafts()[member.userId] ?? member.role;
  }

  /** Role choices for one member: always include their current role, even if we may not grant it. */
  protected roleChoices(member: Member): readonly OrganisationRole[] {
    const roles = this.roles();
    return member.role && !roles.includes(member.role) ? [member.role, ...roles] : roles;
  }

  protected chooseRole(member: Member, event: Event): void {
    const role = (event.target as HTMLSelectElement).value as OrganisationRole;
    this.drafts.update((drafts) => ({ ...drafts, [member.userId]: role }));
  }

  protected saveRole(member: Member): void {
    const role = this.draftRole(member);
    if (!role) return;
    this.clearMessages();
    this.api.updateMember(this.organisationId(), member.userId, { role }).subscribe({
      next: (updated) => {
        this.members.update((members) => members.map((m) => (m.userId === member.userId ? { ...m, role, ...updated } : m)));
        this.forgetDraft(member);
        this.notice.set(
          this.i18n.translate('organisation.roleChanged', {
            name: member.displayName,
            role: this.i18n.label('roles', role),
          }),
        );
      },
      error: (error: unknown) => this.error.set(error),
    });
  }

  protected remove(member: Member): void {
    this.clearMessages();
    this.api.removeMember(this.organisationId(), member.userId).subscribe({
      next: () => {
        this.members.update((members) => members.filter((m) => m.userId !== member.userId));
        this.notice.set(this.i18n.translate('organisation.removed', { name: member.displayName }));
      },
      error: (error: unknown) => this.error.set(error),
    });
  }

  private forgetDraft(member: Member): void {
    this.drafts.update((drafts) => {
      const remaining = { ...drafts };
      delete remaining[member.userId];
      return remaining;
    });
  }

  private clearMessages(): void {
    this.notice.set(null);
    this.error.set(null);
  }
}
