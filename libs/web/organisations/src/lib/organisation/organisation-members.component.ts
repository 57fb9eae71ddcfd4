import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { CdkCopyToClipboard } from '@angular/cdk/clipboard';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ORGANISATION_ROLES, type Member, type OrganisationRole, type PasswordResetLink } from '@kehittamo/shared/domain';
import { AuthStore, DateTimePipe, I18nService, LabelPipe, OrganisationApi, remote, TranslatePipe } from '@kehittamo/web/core';
import { ConfirmButtonComponent, ErrorMessageComponent, NoticeComponent } from '@kehittamo/web/ui';

/** One member's password-reset link, shown in their card until the page is left. */
interface ResetLinkState {
  busy: boolean;
  link: PasswordResetLink | null;
  copied: boolean;
  error: unknown;
}

const NO_RESET_LINK: ResetLinkState = { busy: false, link: null, copied: false, error: null };

/**
 * Member cards with role change, removal and password-reset links. Works on a phone: no wide table.
 * A reset link is for a member who forgot the password and cannot be reached by mail: the
 * coordinator copies it and passes it on privately (it is mailed too when mail is configured).
 */
@Component({
  selector: 'kh-organisation-members',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CdkCopyToClipboard,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    TranslatePipe,
    LabelPipe,
    DateTimePipe,
    ErrorMessageComponent,
    NoticeComponent,
    ConfirmButtonComponent,
  ],
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
  protected readonly resetLinks = signal<Readonly<Record<string, ResetLinkState>>>({});

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

  /**
   * Not for oneself (the profile page changes one's own password), nor, for non-admins, for
   * a member shown as an admin: only admins may reset an admin's password. The server checks both.
   */
  protected canCreateResetLink(member: Member): boolean {
    if (member.userId === this.auth.me()?.id) return false;
    return member.role !== 'admin' || this.auth.isAdmin();
  }

  protected resetLink(member: Member): ResetLinkState {
    return this.resetLinks()[member.userId] ?? NO_RESET_LINK;
  }

  protected createResetLink(member: Member): void {
    if (this.resetLink(member).busy) return;
    this.clearMessages();
    this.setResetLink(member, { ...NO_RESET_LINK, busy: true });
    this.api.createPasswordResetLink(this.organisationId(), member.userId).subscribe({
      next: (link) => this.setResetLink(member, { ...NO_RESET_LINK, link }),
      error: (error: unknown) => this.setResetLink(member, { ...NO_RESET_LINK, error }),
    });
  }

  protected resetLinkCopied(member: Member, copied: boolean): void {
    this.setResetLink(member, { ...this.resetLink(member), copied });
  }

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  private setResetLink(member: Member, state: ResetLinkState): void {
    this.resetLinks.update((links) => ({ ...links, [member.userId]: state }));
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
