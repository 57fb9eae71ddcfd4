import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MATERIAL_LIMITS, type Material, type MaterialCollection } from '@kehittamo/shared/domain';
import { I18nService, remote, TranslatePipe } from '@kehittamo/web/core';
import { MaterialApi } from '../shared/material.api';
import { ErrorMessageComponent, NoticeComponent } from '@kehittamo/web/ui';
import { switchMap, type Observable } from 'rxjs';

/**
 * "Add to a collection": choose one of the collections of the material's space that the user may
 * edit (and that do not have it yet), or name a new one, which is created and gets the material.
 * In the page flow rather than in a dialog, so it works the same on a small phone.
 */
@Component({
  selector: 'kh-add-to-collection',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, ErrorMessageComponent, NoticeComponent],
  template: `
    <kh-error-message [error]="collections.error() ?? error()" />
    <kh-notice [message]="notice()" />
    @if (choices().length) {
      <form class="kh-add-row" (submit)="$event.preventDefault(); addTo(select.value)">
        <div class="kh-add-field">
          <label for="collection-select">{{ 'materialCollections.collection' | t }}</label>
          <select #select id="collection-select" data-testid="collection-select">
            @for (collection of choices(); track collection.id) {
              <option [value]="collection.id">{{ collection.title }}</option>
            }
          </select>
        </div>
        <button matButton="filled" type="submit" data-testid="collection-add-confirm">{{ 'material.add' | t }}</button>
      </form>
    }
    <form class="kh-add-row" (submit)="$event.preventDefault(); createWith(title)">
      <div class="kh-add-field">
        <label for="collection-new-title">{{ 'material.newCollection' | t }}</label>
        <input
          #title
          id="collection-new-title"
          type="text"
          data-testid="collection-new-title"
          autocomplete="off"
          [attr.maxlength]="titleMax"
          [attr.aria-invalid]="titleMissing() ? 'true' : null"
          [attr.aria-describedby]="titleMissing() ? 'collection-new-title-error' : null"
          (input)="titleMissing.set(false)"
        />
        @if (titleMissing()) {
          <p id="collection-new-title-error" class="kh-add-error">{{ 'validation.required' | t }}</p>
        }
      </div>
      <button matButton="outlined" type="submit" data-testid="collection-create-add">{{ 'materialCollections.create' | t }}</button>
    </form>
  `,
  styles: `
    .kh-add-row {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem 0.75rem;
      margin-block: 0.75rem;
    }
    .kh-add-field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      flex: 1 1 14rem;
      min-width: 0;
    }
    label {
      font-weight: 600;
    }
    input,
    select {
      min-height: 44px;
      box-sizing: border-box;
      padding: 0 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: inherit;
    }
    button {
      min-height: 44px;
    }
    .kh-add-error {
      margin: 0;
      color: var(--mat-sys-error);
      font-weight: 700;
    }
  `,
})
export class AddToCollectionComponent {
  private readonly api = inject(MaterialApi);
  private readonly i18n = inject(I18nService);

  readonly material = input.required<Material>();
  /** The collection the material was added to, as it is now. */
  readonly added = output<MaterialCollection>();

  protected readonly titleMax = MATERIAL_LIMITS.collectionTitleMax;
  protected readonly collections = remote({
    params: () => this.material().spaceId,
    load: (spaceId: string) => this.api.collections(spaceId),
  });
  protected readonly choices = computed(() => {
    const material = this.material();
    const already = new Set(material.collections.map((collection) => collection.id));
    return (this.collections.value() ?? []).filter(
      (collection) => collection.canEdit && collection.spaceId === material.spaceId && !already.has(collection.id),
    );
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly titleMissing = signal(false);

  protected addTo(collectionId: string): void {
    if (!collectionId) return;
    this.run(this.api.addToCollection(collectionId, { materialId: this.material().id }));
  }

  protected createWith(field: HTMLInputElement): void {
    const title = field.value.trim();
    if (!title) {
      this.titleMissing.set(true);
      field.focus();
      return;
    }
    const material = this.material();
    this.run(
      this.api
        .createCollection({ spaceId: material.spaceId, title })
        .pipe(switchMap((collection) => this.api.addToCollection(collection.id, { materialId: material.id }))),
      () => (field.value = ''),
    );
  }

  private run(request: Observable<MaterialCollection>, then?: () => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    request.subscribe({
      next: (collection) => {
        this.busy.set(false);
        this.notice.set(this.i18n.translate('material.addedTo', { title: collection.title }));
        this.collections.reload();
        then?.();
        this.added.emit(collection);
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.error.set(failure);
      },
    });
  }
}
