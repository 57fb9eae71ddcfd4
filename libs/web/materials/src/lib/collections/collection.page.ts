import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { MATERIAL_LIMITS, type MaterialCollection, type MaterialSummary } from '@kehittamo/shared/domain';
import { I18nService, remote, TranslatePipe } from '@kehittamo/web/core';
import { MaterialApi } from '../shared/material.api';
import {
  ConfirmButtonComponent,
  ErrorMessageComponent,
  FieldErrorPipe,
  formSubmission,
  NoticeComponent,
  PageTitleStrategy,
} from '@kehittamo/web/ui';
import type { Observable } from 'rxjs';
import { MaterialCardComponent } from '../shared/material-card.component';

/**
 * One collection ("learning path"): its materials as numbered steps, each linking to the material.
 * Editors move steps with Up/Down buttons (no drag needed), remove them, rename and delete the
 * collection. Every change is announced, and focus stays with the moved step.
 */
@Component({
  selector: 'kh-material-collection-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    TranslatePipe,
    FieldErrorPipe,
    ErrorMessageComponent,
    NoticeComponent,
    ConfirmButtonComponent,
    MaterialCardComponent,
  ],
  templateUrl: './collection.page.html',
  styleUrl: './collection.page.scss',
})
export class CollectionPage {
  private readonly api = inject(MaterialApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly title = inject(PageTitleStrategy);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  protected readonly collection = remote({ params: () => this.id(), load: (id: string) => this.api.collection(id) });
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly notice = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(MATERIAL_LIMITS.collectionTitleMax)]],
    description: ['', [Validators.maxLength(MATERIAL_LIMITS.collectionDescriptionMax)]],
  });
  private readonly submission = formSubmission(this.form);
  protected readonly saving = this.submission.busy;
  protected readonly saveError = this.submission.error;
  protected readonly limits = MATERIAL_LIMITS;

  constructor() {
    effect(() => this.title.setDetail(this.collection.value()?.title ?? null));
    effect(() => {
      const collection = this.collection.value();
      if (collection && !this.form.dirty) this.form.setValue({ title: collection.title, description: collection.description });
    });
  }

  /** Moves a step one place up (-1) or down (+1) and saves the new order. */
  protected move(index: number, delta: -1 | 1): void {
    const collection = this.collection.value();
    const target = index + delta;
    if (!collection || target < 0 || target >= collection.items.length) return;
    const ids = collection.items.map((item) => item.id);
    [ids[index], ids[target]] = [ids[target], ids[index]];
    const moved = collection.items[index];
    this.change(this.api.reorderCollection(collection.id, { materialIds: ids }), () => {
      this.notice.set(this.i18n.translate('materialCollections.moved', { title: moved.title, position: target + 1 }));
      this.focusStep(moved.id, delta < 0 ? 'collection-move-up' : 'collection-move-down');
    });
  }

  protected remove(item: MaterialSummary, index: number): void {
    const collection = this.collection.value();
    if (!collection) return;
    this.change(this.api.removeFromCollection(collection.id, item.id), (updated) => {
      this.notice.set(this.i18n.translate('materialCollections.removed', { title: item.title }));
      const next = updated.items[Math.min(index, updated.items.length - 1)];
      if (next) this.focusStep(next.id, 'material-link');
      else afterNextRender(() => this.host.querySelector<HTMLElement>('#collection-steps-heading')?.focus(), { injector: this.injector });
    });
  }

  protected save(): void {
    const collection = this.collection.value();
    if (!collection) return;
    const { title, description } = this.form.getRawValue();
    this.submission.submit(() => this.api.updateCollection(collection.id, { title: title.trim(), description: description.trim() }), {
      done: (updated) => {
        this.form.markAsPristine();
        this.collection.update(() => updated);
        this.notice.set(this.i18n.translate('collab.saved'));
      },
    });
  }

  protected deleteCollection(): void {
    const collection = this.collection.value();
    if (!collection) return;
    this.change(this.api.deleteCollection(collection.id), () => void this.router.navigate(['/materials/collections']));
  }

  private change<T>(request: Observable<T>, done: (value: T) => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.notice.set(null);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        if (isCollection(value)) this.collection.update(() => value);
        done(value);
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.error.set(failure);
      },
    });
  }

  /** After the list re-renders: the same button on the moved step, or the other one when it reached an end. */
  private focusStep(materialId: string, testId: string): void {
    afterNextRender(
      () => {
        const step = Array.from(this.host.querySelectorAll<HTMLElement>('[data-testid="collection-item"]')).find(
          (element) => element.dataset['materialId'] === materialId,
        );
        const target =
          step?.querySelector<HTMLElement>(`[data-testid="${testId}"]`) ??
          step?.querySelector<HTMLElement>('[data-testid="collection-move-up"], [data-testid="collection-move-down"]');
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}

function isCollection(value: unknown): value is MaterialCollection {
  return typeof value === 'object' && value !== null && Array.isArray((value as MaterialCollection).items);
}
