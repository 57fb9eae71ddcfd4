import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MaterialCollection } from '@kehittamo/shared/domain';
import { DateTimePipe, I18nService, remote, TranslatePipe } from '@kehittamo/web/core';
import { MaterialApi } from '../shared/material.api';
import { ErrorMessageComponent, NoticeComponent, PageNavComponent } from '@kehittamo/web/ui';
import { materialOptions } from '../shared/material-options';
import { MATERIALS_NAV } from '../shared/materials-nav';
import { CreateCollectionFormComponent } from './create-collection-form.component';

/** Every collection the user may see, and a form to start a new one in a space where they may edit. */
@Component({
  selector: 'kh-material-collections-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, DateTimePipe, ErrorMessageComponent, NoticeComponent, PageNavComponent, CreateCollectionFormComponent],
  template: `
    <h1>{{ 'materialCollections.title' | t }}</h1>
    <p class="kh-lead">{{ 'materialCollections.intro' | t }}</p>
    <kh-page-nav label="materials.title" [links]="nav" />

    <kh-error-message [error]="collections.error()" />
    @if (collections.value(); as list) {
      <ul class="kh-card-list" data-testid="collection-list">
        @for (collection of list; track collection.id) {
          <li data-testid="collection-card" [attr.data-collection-id]="collection.id">
            <h2 class="kh-collection-title">
              <a [routerLink]="['/materials/collections', collection.id]">{{ collection.title }}</a>
            </h2>
            @if (collection.description) {
              <p>{{ collection.description }}</p>
            }
            <p class="kh-muted">
              {{ 'materials.title' | t }}: {{ collection.itemCount }} · {{ 'models.space' | t }}: {{ collection.spaceName }} ·
              {{ 'material.updated' | t }} {{ collection.updatedAt | dateTime: 'date' }}
            </p>
          </li>
        } @empty {
          <li data-testid="collection-empty">{{ 'materialCollections.none' | t }}</li>
        }
      </ul>
    } @else if (collections.loading()) {
      <p role="status">{{ 'common.loading' | t }}</p>
    }

    @if (options.editableSpaces().length) {
      <section class="kh-section" aria-labelledby="collection-create-heading">
        <h2 id="collection-create-heading">{{ 'materialCollections.create' | t }}</h2>
        <kh-notice [message]="notice()" />
        <kh-create-collection-form [spaces]="options.editableSpaces()" (created)="created($event)" />
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 60rem;
    }
    .kh-collection-title {
      margin-bottom: 0.25rem;
    }
    .kh-collection-title a {
      display: inline-block;
      padding-block: 0.5rem;
    }
  `,
})
export class CollectionsPage {
  private readonly api = inject(MaterialApi);
  private readonly i18n = inject(I18nService);

  protected readonly nav = MATERIALS_NAV;
  protected readonly options = materialOptions();
  protected readonly collections = remote({ params: () => true, load: () => this.api.collections() });
  protected readonly notice = signal<string | null>(null);

  protected created(collection: MaterialCollection): void {
    this.collections.update((list) => [collection, ...list.filter((known) => known.id !== collection.id)]);
    this.notice.set(this.i18n.translate('materialCollections.created', { title: collection.title }));
  }
}
