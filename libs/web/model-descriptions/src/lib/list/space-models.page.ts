import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { remote, SpaceApi, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { ModelDescriptionApi } from '../data/model-description.api';
import { CreateModelFormComponent } from './create-model-form.component';
import { ImportModelFormComponent } from './import-model-form.component';
import { ModelTableComponent } from './model-table.component';

/** One space's model descriptions; people with edit rights there can create or import one. */
@Component({
  selector: 'kh-space-models-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, ErrorMessageComponent, ModelTableComponent, CreateModelFormComponent, ImportModelFormComponent],
  template: `
    <p><a [routerLink]="['/spaces', spaceId()]">{{ 'models.backToSpace' | t }}</a></p>
    <h1>{{ 'models.title' | t }}@if (space.value(); as space) {: {{ space.name }}}</h1>
    <p class="kh-lead">{{ 'models.spaceIntro' | t }}</p>
    <p><a routerLink="/models" data-testid="all-models-link">{{ 'models.allModels' | t }}</a></p>

    <kh-error-message [error]="space.error() ?? models.error()" />

    <section class="kh-section" aria-labelledby="space-models-heading">
      <h2 id="space-models-heading">{{ 'models.caption' | t }}</h2>
      @if (models.value(); as list) {
        @if (list.length) {
          <kh-model-table [models]="list" [showSpace]="false" />
        } @else {
          <p>{{ 'models.none' | t }}</p>
        }
      } @else if (models.loading()) {
        <p role="status">{{ 'common.loading' | t }}</p>
      }
    </section>

    @if (canEdit()) {
      <section class="kh-section" aria-labelledby="model-create-heading">
        <kh-create-model-form [spaceId]="spaceId()" />
      </section>
      <section class="kh-section" aria-labelledby="model-import-heading">
        <kh-import-model-form [spaceId]="spaceId()" />
      </section>
    }
  `,
})
export class SpaceModelsPage {
  private readonly api = inject(ModelDescriptionApi);
  private readonly spaces = inject(SpaceApi);
  private readonly title = inject(PageTitleStrategy);

  /** Route parameter `:spaceId`. */
  readonly spaceId = input.required<string>();

  protected readonly space = remote({ params: () => this.spaceId(), load: (id: string) => this.spaces.get(id) });
  protected readonly models = remote({ params: () => this.spaceId(), load: (spaceId: string) => this.api.list({ spaceId }) });
  protected readonly canEdit = computed(() => this.space.value()?.access === 'edit');

  constructor() {
    effect(() => this.title.setDetail(this.space.value()?.name ?? null));
  }
}
