import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ModelVersion } from '@kehittamo/shared/domain';
import { DateTimePipe, I18nService, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, NoticeComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { ModelDescriptionApi } from '../data/model-description.api';
import { VERSION_KIND_LABEL } from '../shared/field-labels';
import { ModelNavComponent } from '../shared/model-nav.component';
import { CompareFormComponent, type CompareChoice } from './compare-form.component';
import { CreateVersionFormComponent } from './create-version-form.component';
import { RestoreDialogComponent } from './restore-dialog.component';
import { VersionCompareComponent } from './version-compare.component';
import { VersionViewComponent } from './version-view.component';

/**
 * A description's versions: the list, saving a named version, one version read-only
 * (`?view=<id>`), a comparison (`?from=<id>&to=<id|current>`) and restoring with confirmation.
 * View and comparison live in the address, so they can be linked and the back button works.
 */
@Component({
  selector: 'kh-model-versions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    TranslatePipe,
    DateTimePipe,
    ErrorMessageComponent,
    NoticeComponent,
    ModelNavComponent,
    CreateVersionFormComponent,
    VersionViewComponent,
    CompareFormComponent,
    VersionCompareComponent,
    RestoreDialogComponent,
  ],
  templateUrl: './model-versions.page.html',
  styles: `
    .kh-version-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .kh-version-actions a {
      display: inline-block;
      padding-block: 0.625rem;
    }
    .kh-version-restore {
      min-height: 44px;
      padding: 0 1rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 22px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .kh-version-restore[aria-disabled='true'] {
      color: var(--mat-sys-on-surface-variant);
      cursor: default;
    }
  `,
})
export class ModelVersionsPage {
  private readonly api = inject(ModelDescriptionApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly title = inject(PageTitleStrategy);
  private readonly restoreDialog = viewChild(RestoreDialogComponent);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  /** Query parameter: the version shown read-only. */
  readonly view = input<string | undefined>(undefined);
  /** Query parameters of a comparison. */
  readonly from = input<string | undefined>(undefined);
  readonly to = input<string | undefined>(undefined);

  protected readonly kinds = VERSION_KIND_LABEL;
  protected readonly model = remote({ params: () => this.id(), load: (id: string) => this.api.get(id) });
  protected readonly versions = remote({ params: () => this.id(), load: (id: string) => this.api.versions(id) });
  protected readonly comparison = remote({
    params: () => {
      const from = this.from();
      return from ? { id: this.id(), from, to: this.to() || 'current' } : undefined;
    },
    load: ({ id, from, to }: { id: string; from: string; to: string }) => this.api.compare(id, from, to),
  });
  protected readonly canEdit = computed(() => this.model.value()?.access === 'edit');
  protected readonly restoring = signal<string | null>(null);
  protected readonly restoreError = signal<unknown>(null);
  protected readonly notice = signal<string | null>(null);

  constructor() {
    effect(() => this.title.setDetail(this.model.value()?.name ?? null));
  }

  protected versionCreated(version: ModelVersion): void {
    this.versions.update((list) => [version, ...list.filter((v) => v.id !== version.id)]);
  }

  protected askRestore(version: ModelVersion, event: Event): void {
    // aria-disabled rather than disabled while restoring: the button keeps focus when the dialog returns it.
    if (this.restoring()) return;
    this.restoreDialog()?.open(version, event.currentTarget as HTMLElement | null);
  }

  protected restore(version: ModelVersion): void {
    if (this.restoring()) return;
    this.restoring.set(version.id);
    this.restoreError.set(null);
    this.notice.set(null);
    this.api.restore(this.id(), version.id).subscribe({
      next: (saved) => {
        this.restoring.set(null);
        this.notice.set(this.i18n.translate('modelVersions.restored', { number: version.number, saved: saved.number }));
        this.versions.reload();
        if (this.from()) this.comparison.reload();
      },
      error: (failure: unknown) => {
        this.restoring.set(null);
        this.restoreError.set(failure);
      },
    });
  }

  protected compare(choice: CompareChoice): void {
    void this.router.navigate([], { queryParams: { from: choice.from, to: choice.to }, queryParamsHandling: 'merge' });
    // Same choice again: ask again (the current content may have changed).
    if (choice.from === this.from() && choice.to === (this.to() || 'current')) this.comparison.reload();
  }
}
