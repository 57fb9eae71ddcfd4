import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { ModelDescriptionQuery } from '@kehittamo/shared/domain';
import { remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { ModelDescriptionApi } from '../data/model-description.api';
import { ModelFiltersComponent } from './model-filters.component';
import { ModelTableComponent } from './model-table.component';

/** Every model description the user may see, across spaces: search (ranked, with snippets) and filters. */
@Component({
  selector: 'kh-models-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ErrorMessageComponent, ModelFiltersComponent, ModelTableComponent],
  template: `
    <h1>{{ 'models.title' | t }}</h1>
    <p class="kh-lead">{{ 'models.intro' | t }}</p>

    <h2>{{ 'models.filtersHeading' | t }}</h2>
    <kh-model-filters (queryChange)="setQuery($event)" />

    <kh-error-message [error]="models.error()" />
    <p role="status" class="kh-muted" data-testid="model-count">
      @if (models.value(); as list) {
        {{ 'models.count' | t: { count: list.length } }}
      } @else if (models.loading()) {
        {{ 'common.loading' | t }}
      }
    </p>
    @if (models.value(); as list) {
      @if (list.length) {
        <kh-model-table [models]="list" [search]="searching()" />
      } @else {
        <p>{{ (filtered() ? 'models.noResults' : 'models.none') | t }}</p>
      }
    }
  `,
})
export class ModelsPage {
  private readonly api = inject(ModelDescriptionApi);

  protected readonly query = signal<ModelDescriptionQuery>({});
  protected readonly searching = computed(() => !!this.query().q);
  protected readonly filtered = computed(() => Object.values(this.query()).some((value) => !!value));
  protected readonly models = remote({ params: () => this.query(), load: (query: ModelDescriptionQuery) => this.api.list(query) });

  /** Asks the server only when the filters really changed (the form's first, empty query is the page's own). */
  protected setQuery(query: ModelDescriptionQuery): void {
    if (JSON.stringify(query) !== JSON.stringify(this.query())) this.query.set(query);
  }
}
