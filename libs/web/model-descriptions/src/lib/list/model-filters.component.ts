import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { LIMITS, WORK_PACKAGE_CODES, type ModelDescriptionQuery } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { ModelPhaseStore } from '../data/model-phase.store';
import { PhaseLabelPipe } from '../shared/phase-label.pipe';

/** Typing pauses this long before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * Search box and filters (phase, work package, keyword, organisation), each with a visible
 * label. Emits the query after a short pause, so typing does not send a request per key.
 */
@Component({
  selector: 'kh-model-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, PhaseLabelPipe],
  template: `
    <form class="kh-filters" role="search" (submit)="$event.preventDefault()" [attr.aria-label]="'models.filtersHeading' | t">
      <div class="kh-filter kh-filter--search">
        <label for="model-search">{{ 'models.search' | t }}</label>
        <input
          id="model-search"
          type="search"
          data-testid="model-search"
          aria-describedby="model-search-hint"
          [attr.maxlength]="searchMax"
          [value]="q()"
          (input)="q.set(value($event))"
        />
        <p id="model-search-hint" class="kh-filter__hint">{{ 'models.searchHint' | t }}</p>
      </div>
      <div class="kh-filter">
        <label for="model-filter-phase">{{ 'models.phase' | t }}</label>
        <select id="model-filter-phase" data-testid="model-filter-phase" (change)="phase.set(value($event))">
          <option value="" [selected]="phase() === ''">{{ 'models.any' | t }}</option>
          @for (option of phases.phases(); track option.key) {
            <option [value]="option.key" [selected]="phase() === option.key">{{ option.key | phaseLabel }}</option>
          }
        </select>
      </div>
      <div class="kh-filter">
        <label for="model-filter-wp">{{ 'models.workPackage' | t }}</label>
        <select id="model-filter-wp" data-testid="model-filter-wp" (change)="wp.set(value($event))">
          <option value="" [selected]="wp() === ''">{{ 'models.any' | t }}</option>
          @for (code of workPackages; track code) {
            <option [value]="code" [selected]="wp() === code">{{ code }}</option>
          }
        </select>
      </div>
      <div class="kh-filter">
        <label for="model-filter-tag">{{ 'models.tag' | t }}</label>
        <input id="model-filter-tag" type="text" data-testid="model-filter-tag" [value]="tag()" (input)="tag.set(value($event))" />
      </div>
      <div class="kh-filter">
        <label for="model-filter-organisation">{{ 'models.organisation' | t }}</label>
        <input
          id="model-filter-organisation"
          type="text"
          data-testid="model-filter-organisation"
          [value]="organisation()"
          (input)="organisation.set(value($event))"
        />
      </div>
      <div class="kh-filter kh-filter--actions">
        <button type="button" class="kh-filter__clear" data-testid="model-filter-clear" [disabled]="isEmpty()" (click)="clear()">
          {{ 'models.clear' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .kh-filters {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
      gap: 0.75rem 1.25rem;
      align-items: start;
      margin-block: 1rem;
    }
    .kh-filter {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-width: 0;
    }
    .kh-filter--search {
      grid-column: 1 / -1;
      max-width: 40rem;
    }
    .kh-filter--actions {
      align-self: end;
    }
    .kh-filter label {
      font-weight: 600;
    }
    .kh-filter__hint {
      margin: 0;
      font-size: 0.875rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .kh-filter input,
    .kh-filter select {
      min-height: 44px;
      box-sizing: border-box;
      padding: 0 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: inherit;
    }
    .kh-filter__clear {
      min-height: 44px;
      padding: 0 1rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 22px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-primary);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .kh-filter__clear:disabled {
      color: var(--mat-sys-on-surface-variant);
      cursor: default;
    }
  `,
})
export class ModelFiltersComponent {
  protected readonly phases = inject(ModelPhaseStore);

  readonly queryChange = output<ModelDescriptionQuery>();

  protected readonly workPackages = WORK_PACKAGE_CODES;
  protected readonly searchMax = LIMITS.searchQueryMax;
  protected readonly q = signal('');
  protected readonly phase = signal('');
  protected readonly wp = signal('');
  protected readonly tag = signal('');
  protected readonly organisation = signal('');

  /** Only the filters in use: an empty form is `{}`. */
  private readonly query = computed<ModelDescriptionQuery>(() => {
    const all: ModelDescriptionQuery = {
      q: this.q().trim(),
      phase: this.phase(),
      wp: this.wp(),
      tag: this.tag().trim(),
      organisation: this.organisation().trim(),
    };
    return Object.fromEntries(Object.entries(all).filter(([, value]) => !!value)) as ModelDescriptionQuery;
  });
  protected readonly isEmpty = computed(() => Object.keys(this.query()).length === 0);

  constructor() {
    toObservable(this.query)
      .pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        takeUntilDestroyed(),
      )
      .subscribe((query) => this.queryChange.emit(query));
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected clear(): void {
    this.q.set('');
    this.phase.set('');
    this.wp.set('');
    this.tag.set('');
    this.organisation.set('');
    document.getElementById('model-search')?.focus();
  }
}
