import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import type { Material, MaterialCollection } from '@kehittamo/shared/domain';
import { DateTimePipe, I18nService, LabelPipe, remote, TranslatePipe } from '@kehittamo/web/core';
import { MaterialApi } from '../shared/material.api';
import { CommentBodyComponent, CommentThreadsPanelComponent, safeLinkHref } from '@kehittamo/web/comments';
import { ConfirmButtonComponent, ErrorMessageComponent, NoticeComponent, PageTitleStrategy } from '@kehittamo/web/ui';
import { CountPipe } from '../shared/format';
import { formatName } from '../shared/material-card.component';
import { materialOptions } from '../shared/material-options';
import { AddToCollectionComponent } from './add-to-collection.component';
import { EditMaterialComponent } from './edit-material.component';
import { MaterialFileComponent } from './material-file.component';

/**
 * One material: what it is, its file (preview, versions, download), link or note, the "useful"
 * mark, the collections it is in and adding it to one; editors also edit and delete it.
 * Opening the page counts a view (the server does it on `GET /api/materials/:id`).
 */
@Component({
  selector: 'kh-material-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatButton,
    TranslatePipe,
    LabelPipe,
    DateTimePipe,
    CountPipe,
    CommentBodyComponent,
    CommentThreadsPanelComponent,
    ConfirmButtonComponent,
    ErrorMessageComponent,
    NoticeComponent,
    MaterialFileComponent,
    AddToCollectionComponent,
    EditMaterialComponent,
  ],
  templateUrl: './material.page.html',
  styleUrl: './material.page.scss',
})
export class MaterialPage {
  private readonly api = inject(MaterialApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly title = inject(PageTitleStrategy);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  /** Query parameter `?thread=`: a notification's link opens that comment thread. */
  readonly thread = input<string | undefined>(undefined);

  protected readonly material = remote({ params: () => this.id(), load: (id: string) => this.api.get(id) });
  /** Organisations and work packages for the edit form; loaded only for editors. */
  protected readonly options = materialOptions(() => !!this.material.value()?.canEdit);
  protected readonly format = computed(() => {
    const material = this.material.value();
    return material ? formatName(material) : null;
  });
  protected readonly linkHref = computed(() => {
    const url = this.material.value()?.url;
    return url ? safeLinkHref(url) : null;
  });
  protected readonly collectionsOpen = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly notice = signal<string | null>(null);

  constructor() {
    effect(() => this.title.setDetail(this.material.value()?.title ?? null));
  }

  protected toggleUseful(): void {
    const material = this.material.value();
    if (!material || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.setUseful(material.id, !material.markedUseful).subscribe({
      next: (usage) => {
        this.busy.set(false);
        this.material.update((current) => ({ ...current, usage, markedUseful: !material.markedUseful }));
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.error.set(failure);
      },
    });
  }

  protected replaced(material: Material): void {
    this.material.update(() => material);
  }

  protected saved(material: Material): void {
    this.material.update(() => material);
    this.notice.set(this.i18n.translate('collab.saved'));
  }

  protected addedTo(collection: MaterialCollection): void {
    this.material.update((current) =>
      current.collections.some((known) => known.id === collection.id)
        ? current
        : { ...current, collections: [...current.collections, { id: collection.id, title: collection.title }] },
    );
  }

  protected delete(): void {
    const material = this.material.value();
    if (!material || this.busy()) return;
    this.busy.set(true);
    this.api.remove(material.id).subscribe({
      next: () => void this.router.navigate(['/materials']),
      error: (failure: unknown) => {
        this.busy.set(false);
        this.error.set(failure);
      },
    });
  }
}
