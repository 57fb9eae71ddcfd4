import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { MaterialQuery, MaterialSummary } from '@kehittamo/shared/domain';
import { remote, TranslatePipe } from '@kehittamo/web/core';
import { MaterialApi } from '../shared/material.api';
import { ErrorMessageComponent, PageNavComponent } from '@kehittamo/web/ui';
import type { Subscription } from 'rxjs';
import { MaterialCardComponent } from '../shared/material-card.component';
import { materialOptions } from '../shared/material-options';
import { MATERIALS_NAV } from '../shared/materials-nav';
import { MaterialFiltersComponent } from './material-filters.component';

/** Materials per request; "Show more" asks for the next ones. */
export const MATERIALS_PAGE_SIZE = 20;

/**
 * The library: search (Finnish full text, snippets with the matches marked) and filters over every
 * material the user may see, newest first, with "Show more" paging. One column on phones.
 */
@Component({
  selector: 'kh-materials-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButton, TranslatePipe, ErrorMessageComponent, PageNavComponent, MaterialFiltersComponent, MaterialCardComponent],
  templateUrl: './materials.page.html',
  styleUrl: './materials.page.scss',
})
export class MaterialsPage {
  private readonly api = inject(MaterialApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);

  protected readonly nav = MATERIALS_NAV;
  protected readonly options = materialOptions();
  protected readonly query = signal<MaterialQuery>({});
  protected readonly items = signal<MaterialSummary[]>([]);
  protected readonly total = signal<number | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<unknown>(null);
  /** Tags are reloaded only when the space filter changes, not on every search. */
  private readonly tagSpace = computed(() => this.query().spaceId ?? '');
  protected readonly tags = remote({
    params: () => this.tagSpace(),
    load: (spaceId: string) => this.api.tags(spaceId || undefined),
  });

  protected readonly filtered = computed(() => Object.keys(this.query()).some((key) => key !== 'sort'));
  protected readonly hasMore = computed(() => this.total() !== null && this.items().length < (this.total() ?? 0));

  private running: Subscription | undefined;

  constructor() {
    effect(() => {
      const query = this.query();
      untracked(() => this.load(query, 0));
    });
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  /** Asks the server only when the filters really changed. */
  protected setQuery(query: MaterialQuery): void {
    if (JSON.stringify(query) !== JSON.stringify(this.query())) this.query.set(query);
  }

  /** Appends the next page and moves focus to the first new material, so keyboard users continue from there. */
  protected showMore(): void {
    if (this.loading()) return;
    const first = this.items().length;
    this.load(this.query(), first, () =>
      afterNextRender(
        () => this.host.querySelectorAll<HTMLElement>('[data-testid="material-card"] [data-testid="material-link"]')[first]?.focus(),
        { injector: this.injector },
      ),
    );
  }

  private load(query: MaterialQuery, offset: number, then?: () => void): void {
    this.running?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.running = this.api.list({ ...query, limit: MATERIALS_PAGE_SIZE, offset }).subscribe({
      next: (page) => {
        this.items.update((items) => (offset ? [...items, ...page.items] : page.items));
        this.total.set(page.total);
        this.loading.set(false);
        then?.();
      },
      error: (failure: unknown) => {
        this.error.set(failure);
        this.loading.set(false);
      },
    });
  }
}
