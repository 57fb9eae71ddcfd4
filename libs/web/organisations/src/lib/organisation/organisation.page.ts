import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { LabelPipe, OrganisationApi, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { InviteFormComponent } from './invite-form.component';
import { OrganisationMembersComponent } from './organisation-members.component';
import { PendingInvitationsComponent } from './pending-invitations.component';

/** Members, invitations and roles of one organisation, for its coordinators and admins. */
@Component({
  selector: 'kh-organisation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslatePipe,
    LabelPipe,
    ErrorMessageComponent,
    OrganisationMembersComponent,
    InviteFormComponent,
    PendingInvitationsComponent,
  ],
  templateUrl: './organisation.page.html',
})
export class OrganisationPage {
  private readonly api = inject(OrganisationApi);
  private readonly title = inject(PageTitleStrategy);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  // There is no GET /api/organisations/:id; the list is small, so pick from it.
  private readonly organisations = remote({ params: () => true, load: () => this.api.list() });
  protected readonly organisation = computed(() => this.organisations.value()?.find((o) => o.id === this.id()));
  protected readonly listError = this.organisations.error;
  /** Bumped after a new invitation so the pending list reloads. */
  protected readonly invitationsVersion = signal(0);

  constructor() {
    effect(() => this.title.setDetail(this.organisation()?.name ?? null));
  }
}
