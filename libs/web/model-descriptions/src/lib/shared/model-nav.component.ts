import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { PageNavComponent, type PageNavLink } from '@kehittamo/web/ui';

/** Links between a model's pages (description, versions, download and copy). */
@Component({
  selector: 'kh-model-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageNavComponent],
  template: `<kh-page-nav label="models.pagesLabel" [links]="links()" />`,
})
export class ModelNavComponent {
  readonly modelId = input.required<string>();

  protected readonly links = computed<PageNavLink[]>(() => {
    const id = this.modelId();
    return [
      { link: ['/models', id], label: 'models.editorPage', testId: 'model-nav-editor', exact: true },
      { link: ['/models', id, 'versions'], label: 'models.versionsPage', testId: 'model-nav-versions' },
      { link: ['/models', id, 'export'], label: 'models.exportPage', testId: 'model-nav-export' },
    ];
  });
}
