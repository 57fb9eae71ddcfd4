import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { AuditEvent } from '@kehittamo/shared/domain';
import {
  AuditApi,
  AuthStore,
  DateTimePipe,
  LabelPipe,
  OrganisationApi,
  remote,
  TranslatePipe,
} from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { managedOrganisationIds } from '../shared/managed-organisations';

const PAGE_SIZE = 50;

/** Security events of the organisations the user manages, newest first, 50 per page. */
@Component({
  selector: 'kh-audit-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, LabelPipe, DateTimePipe, ErrorMessageComponent],
  templateUrl: './audit.page.html',
})
export class AuditPage {
  private readonly auth = inject(AuthStore);
  private readonly auditApi = inject(AuditApi);
  private readonly organisationApi = inject(OrganisationApi);

  protected readonly isAdmin = this.auth.isAdmin;
  private readonly organisations = remote({ params: () => true, load: () => this.organisationApi.list() });
  /** Organisations offered in the filter: all for admins, otherwise those the user manages. */
  protected readonly choices = computed(() => {
    const managed = managedOrganisationIds(this.auth.me());
    return (this.organisations.value() ?? [])
      .filter((organisation) => managed === 'all' || managed.has(organisation.id))
      .sort((a, b) => a.name.localeCompare(b.name));
  });
  /** '' = every organisation (admins). Others start with their first organisation. */
  protected readonly organisationId = linkedSignal(() => (this.isAdmin() ? '' : (this.choices()[0]?.id ?? '')));
  protected readonly offset = signal(0);

  protected readonly events = remote({
    params: () => {
      const organisationId = this.organisationId();
      // Non-admins wait until their organisation is known instead of asking for everything.
      if (!this.isAdmin() && !organisationId) return undefined;
      return { organisationId: organisationId || undefined, limit: PAGE_SIZE, offset: this.offset() };
    },
    load: (query) => this.auditApi.list(query),
  });
  protected readonly range = computed(() => {
    const page = this.events.value();
    if (!page || !page.items.length) return null;
    return { from: this.offset() + 1, to: this.offset() + page.items.length, total: page.total };
  });
  protected readonly hasNewer = computed(() => this.offset() > 0);
  protected readonly hasOlder = computed(() => {
    const range = this.range();
    return !!range && range.to < range.total;
  });

  protected chooseOrganisation(event: Event): void {
    this.organisationId.set((event.target as HTMLSelectElement).value);
    this.offset.set(0);
  }

  protected newer(): void {
    this.offset.update((offset) => Math.max(0, offset - PAGE_SIZE));
  }

  protected older(): void {
    this.offset.update((offset) => offset + PAGE_SIZE);
  }

  protected actorName(event: AuditEvent): string | null {
    return event.actorDisplayName ?? event.actorId;
  }

  /** Details are non-personal facts (see AuditEvent); shown as "key: value" pairs. */
  protected details(event: AuditEvent): string {
    return Object.entries(event.detail)
      .map(([key, value]) => `${key}: ${value ?? '–'}`)
      .join(', ');
  }
}
