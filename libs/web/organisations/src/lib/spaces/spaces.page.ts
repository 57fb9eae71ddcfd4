import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import type { Space } from '@kehittamo/shared/domain';
import { AuthStore, ConfigApi, DateTimePipe, OrganisationApi, remote, SpaceApi, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { CreateSpaceFormComponent } from './create-space-form.component';
import { SpaceCardComponent } from './space-card.component';

/** The home page after login: every space the user can enter, shared ones first. */
@Component({
  selector: 'kh-spaces-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, DateTimePipe, ErrorMessageComponent, SpaceCardComponent, CreateSpaceFormComponent],
  templateUrl: './spaces.page.html',
})
export class SpacesPage {
  private readonly auth = inject(AuthStore);
  private readonly spaceApi = inject(SpaceApi);
  private readonly organisationApi = inject(OrganisationApi);
  private readonly configApi = inject(ConfigApi);

  protected readonly canManage = this.auth.canManage;
  protected readonly spaces = remote({ params: () => true, load: () => this.spaceApi.list() });
  protected readonly project = remote({ params: () => true, load: () => this.configApi.project() });
  protected readonly organisations = remote({ params: () => true, load: () => this.organisationApi.list() });

  protected readonly projectSpaces = computed(() => this.ofKind('project'));
  protected readonly organisationSpaces = computed(() => this.ofKind('organisation'));

  /** Names from the organisation list, falling back to the user's own memberships. */
  protected readonly organisationNames = computed(() => {
    const names = new Map<string, string>();
    for (const membership of this.auth.me()?.memberships ?? []) {
      names.set(membership.organisationId, membership.organisationName);
    }
    for (const organisation of this.organisations.value() ?? []) names.set(organisation.id, organisation.name);
    return names;
  });

  protected created(space: Space): void {
    this.spaces.update((spaces) => [...spaces, space]);
  }

  private ofKind(kind: Space['kind']): Space[] {
    return (this.spaces.value() ?? [])
      .filter((space) => space.kind === kind)
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}
