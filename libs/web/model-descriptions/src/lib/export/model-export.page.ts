import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { ModelDescriptionApi } from '../data/model-description.api';
import { ModelNavComponent } from '../shared/model-nav.component';
import { ExportDownloadsComponent } from './export-downloads.component';
import { InnokylaCopyComponent } from './innokyla-copy.component';

/** Downloads (Markdown, Word, PDF, JSON) and the field-by-field Innokylä copy of one description. */
@Component({
  selector: 'kh-model-export-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ErrorMessageComponent, ModelNavComponent, ExportDownloadsComponent, InnokylaCopyComponent],
  template: `
    <h1>{{ 'modelExport.title' | t }}@if (model.value(); as model) {: {{ model.name }}}</h1>
    <kh-error-message [error]="model.error()" />
    @if (model.value(); as model) {
      <kh-model-nav [modelId]="model.id" />
      <p class="kh-lead">{{ 'modelExport.intro' | t }}</p>

      <section class="kh-section" aria-labelledby="export-downloads-heading">
        <h2 id="export-downloads-heading">{{ 'modelExport.downloadsHeading' | t }}</h2>
        <kh-export-downloads [modelId]="model.id" [modelName]="model.name" />
      </section>

      <section class="kh-section" aria-labelledby="export-innokyla-heading">
        <h2 id="export-innokyla-heading">{{ 'modelExport.innokylaHeading' | t }}</h2>
        <p>{{ 'modelExport.innokylaIntro' | t }}</p>
        <kh-innokyla-copy [modelId]="model.id" />
      </section>
    } @else if (model.loading()) {
      <p role="status">{{ 'common.loading' | t }}</p>
    }
  `,
})
export class ModelExportPage {
  private readonly api = inject(ModelDescriptionApi);
  private readonly title = inject(PageTitleStrategy);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly model = remote({ params: () => this.id(), load: (id: string) => this.api.get(id) });

  constructor() {
    effect(() => this.title.setDetail(this.model.value()?.name ?? null));
  }
}
