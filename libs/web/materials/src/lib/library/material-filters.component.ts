import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  LIMITS,
  MATERIAL_KINDS,
  MATERIAL_LANGUAGES,
  MATERIAL_TYPES,
  type MaterialQuery,
  type MaterialTagCount,
  type Organisation,
  type Space,
} from '@kehittamo/shared/domain';
import { LabelPipe, TranslatePipe } from '@kehittamo/web/core';
import { distinctUntilChanged, map, switchMap, timer } from 'rxjs';
import type { WorkPackageChoice } from '../shared/material-options';

/** Typing pauses this long before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 300;

type Filter = Exclude<keyof MaterialQuery, 'q' | 'limit' | 'offset'>;

/**
 * The search box, the filters (space, type, form, work package, organisation, language), the tag
 * chips and the order. Each control has a visible label; the chips are toggle buttons
 * (aria-pressed) with the choice also shown by a tick and a border, not by colour alone.
 * Emits the query (only the filters in use) after a short pause.
 */
@Component({
  selector: 'kh-material-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LabelPipe],
  templateUrl: './material-filters.component.html',
  styleUrl: './material-filters.component.scss',
})
export class MaterialFiltersComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  readonly spaces = input<readonly Space[]>([]);
  readonly organisations = input<readonly Organisation[]>([]);
  readonly workPackages = input<readonly WorkPackageChoice[]>([]);
  readonly tags = input<readonly MaterialTagCount[]>([]);

  readonly queryChange = output<MaterialQuery>();

  protected readonly searchMax = LIMITS.searchQueryMax;
  protected readonly types = MATERIAL_TYPES;
  protected readonly kinds = MATERIAL_KINDS;
  protected readonly languages = MATERIAL_LANGUAGES;
  protected readonly sorts = [
    { value: 'recent', label: 'materials.sortRecent' },
    { value: 'title', label: 'materials.sortTitle' },
    { value: 'popular', label: 'materials.sortPopular' },
  ] as const;

  protected readonly q = signal('');
  protected readonly values = signal<Partial<Record<Filter, string>>>({});

  /** The chosen tag stays offered even when the list of the chosen space does not have it. */
  protected readonly tagChips = computed(() => {
    const chosen = this.values().tag;
    const tags = this.tags().map((tag) => tag.tag);
    return chosen && !tags.includes(chosen) ? [{ tag: chosen, count: null }, ...this.tags()] : this.tags();
  });

  /** Only the filters in use; the default order is left out. */
  private readonly query = computed<MaterialQuery>(() => {
    const all: Record<string, string> = { q: this.q().trim(), ...this.values() };
    if (all['sort'] === 'recent') delete all['sort'];
    return Object.fromEntries(Object.entries(all).filter(([, value]) => !!value)) as MaterialQuery;
  });
  protected readonly isEmpty = computed(() => Object.keys(this.query()).length === 0);

  constructor() {
    // A timer per change rather than debounceTime, which would emit its pending value when the
    // signal's observable completes as the component is destroyed.
    toObservable(this.query)
      .pipe(
        switchMap((query) => timer(SEARCH_DEBOUNCE_MS).pipe(map(() => query))),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        takeUntilDestroyed(),
      )
      .subscribe((query) => this.queryChange.emit(query));
  }

  protected value(filter: Filter): string {
    return this.values()[filter] ?? '';
  }

  protected set(filter: Filter, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.values.update((values) => ({ ...values, [filter]: value }));
  }

  protected search(event: Event): void {
    this.q.set((event.target as HTMLInputElement).value);
  }

  protected toggleTag(tag: string): void {
    this.values.update((values) => ({ ...values, tag: values.tag === tag ? '' : tag }));
  }

  protected clear(): void {
    this.q.set('');
    this.values.set({});
    this.host.querySelector<HTMLInputElement>('#material-search')?.focus();
  }
}
