import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { SPACE_ACCESS_LEVELS, type Space, type SpaceAccess, type SpaceMember } from '@kehittamo/shared/domain';
import { I18nService, LabelPipe, remote, SpaceApi, TranslatePipe } from '@kehittamo/web/core';
import { ConfirmButtonComponent, ErrorMessageComponent, NoticeComponent } from '@kehittamo/web/ui';
import { AddSpaceMemberFormComponent } from './add-space-member-form.component';

/** Members and their access; people who manage the space can change access or remove members. */
@Component({
  selector: 'kh-space-members',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    TranslatePipe,
    LabelPipe,
    ErrorMessageComponent,
    NoticeComponent,
    ConfirmButtonComponent,
    AddSpaceMemberFormComponent,
  ],
  templateUrl: './space-members.component.html',
})
export class SpaceMembersComponent {
  private readonly api = inject(SpaceApi);
  private readonly i18n = inject(I18nService);

  readonly space = input.required<Space>();

  protected readonly accessLevels = SPACE_ACCESS_LEVELS;
  protected readonly members = remote({
    params: () => this.space().id,
    load: (id: string) => this.api.members(id),
  });
  /** Unsaved access choices per user id. */
  protected readonly drafts = signal<Readonly<Record<string, SpaceAccess>>>({});
  protected readonly memberIds = computed(() => (this.members.value() ?? []).map((member) => member.userId));
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<unknown>(null);

  protected draftAccess(member: SpaceMember): SpaceAccess {
    return this.drafts()[member.userId] ?? member.access;
  }

  protected chooseAccess(member: SpaceMember, event: Event): void {
    const access = (event.target as HTMLSelectElement).value as SpaceAccess;
    this.drafts.update((drafts) => ({ ...drafts, [member.userId]: access }));
  }

  protected saveAccess(member: SpaceMember): void {
    const access = this.draftAccess(member);
    this.clearMessages();
    this.api.setMember(this.space().id, member.userId, { access }).subscribe({
      next: () => {
        this.members.update((members) => members.map((m) => (m.userId === member.userId ? { ...m, access } : m)));
        this.drafts.update((drafts) => {
          const remaining = { ...drafts };
          delete remaining[member.userId];
          return remaining;
        });
        this.notice.set(
          this.i18n.translate('space.accessChanged', {
            name: member.displayName,
            access: this.i18n.label('access', access),
          }),
        );
      },
      error: (error: unknown) => this.error.set(error),
    });
  }

  protected remove(member: SpaceMember): void {
    this.clearMessages();
    this.api.removeMember(this.space().id, member.userId).subscribe({
      next: () => {
        this.members.update((members) => members.filter((m) => m.userId !== member.userId));
        this.notice.set(this.i18n.translate('space.removed', { name: member.displayName }));
      },
      error: (error: unknown) => this.error.set(error),
    });
  }

  protected added(name: string): void {
    this.clearMessages();
    this.notice.set(this.i18n.translate('space.added', { name }));
    this.members.reload();
  }

  private clearMessages(): void {
    this.notice.set(null);
    this.error.set(null);
  }
}
