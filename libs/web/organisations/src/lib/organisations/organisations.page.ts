import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Organisation } from '@kehittamo/shared/domain';
import { AuthStore, LabelPipe, OrganisationApi, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { managesOrganisation } from '../shared/managed-organisations';
import { CreateOrganisationFormComponent } from './create-organisation-form.component';

/** Every organisation of the project; the ones the user manages link to their members. */
@Component({
  selector: 'kh-organisations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LabelPipe, ErrorMessageComponent, CreateOrganisationFormComponent],
  templateUrl: './organisations.page.html',
})
export class OrganisationsPage {
  private readonly auth = inject(AuthStore);
  private readonly api = inject(OrganisationApi);

  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly organisations = remote({ params: () => true, load: () => this.api.list() });
  protected readonly sorted = computed(() =>
    [...(this.organisations.value() ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  );

  protected manages(organisation: Organisation): boolean {
    return managesOrganisation(this.auth.me(), organisation.id);
  }

  protected created(organisation: Organisation): void {
    this.organisations.update((organisations) => [...organisations, organisation]);
  }
}
