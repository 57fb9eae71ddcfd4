import { LiveAnnouncer } from '@angular/cdk/a11y';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  model,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { I18nService, TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap, type Observable } from 'rxjs';

/** One choice: an id, what is shown, and an optional second line (organisation, space). */
export interface PickerOption {
  id: string;
  label: string;
  detail: string | null;
}

/** Texts of one picker; `add`/`remove` get `{name}`. */
export interface PickerTexts {
  legend: TranslationKey;
  search: TranslationKey;
  searchHint: TranslationKey;
  none: TranslationKey;
  add: TranslationKey;
  remove: TranslationKey;
  added: TranslationKey;
  removed: TranslationKey;
}

/** Typing pauses this long before a search is sent. */
const SEARCH_DEBOUNCE_MS = 300;
let nextId = 0;

/**
 * Choose several things by searching: a search field, the hits as "Add" buttons and the chosen
 * ones as "Remove" buttons. Plain buttons rather than a combobox: it works the same with a
 * keyboard, a screen reader and a thumb. Focus never falls off the page: after adding it
 * returns to the search field, after removing to the next chosen item (or the field).
 */
@Component({
  selector: 'kh-search-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe],
  template: `
    <fieldset class="kh-picker" [attr.data-testid]="testId()">
      <legend>{{ texts().legend | t }}</legend>
      @if (note(); as note) {
        <p class="kh-muted">{{ note }}</p>
      }
      @if (selected().length) {
        <ul class="kh-picker__list" [attr.data-testid]="testId() + '-selected'">
          @for (option of selected(); track option.id; let i = $index) {
            <li>
              <span>
                {{ option.label }}
                @if (option.detail) {
                  <span class="kh-muted">({{ option.detail }})</span>
                }
              </span>
              <button
                matButton="outlined"
                type="button"
                class="kh-picker__remove"
                [attr.data-index]="i"
                [attr.data-testid]="testId() + '-remove'"
                [attr.aria-label]="texts().remove | t: { name: option.label }"
                (click)="remove(option, i)"
              >
                {{ 'workshopForm.remove' | t }}
              </button>
            </li>
          }
        </ul>
      } @else {
        <p>{{ texts().none | t }}</p>
      }

      <label class="kh-picker__label" [for]="fieldId">{{ texts().search | t }}</label>
      <input
        #searchField
        type="search"
        class="kh-picker__search"
        autocomplete="off"
        [id]="fieldId"
        [attr.aria-describedby]="fieldId + '-hint ' + fieldId + '-count'"
        [attr.data-testid]="testId() + '-search'"
        [value]="query()"
        (input)="query.set(text($event))"
        (keydown.enter)="$event.preventDefault()"
      />
      <p class="kh-muted kh-picker__hint" [id]="fieldId + '-hint'">{{ texts().searchHint | t }}</p>
      <p class="kh-visually-hidden" role="status" [id]="fieldId + '-count'">
        @if (hits(); as hits) {
          {{ 'workshopForm.hits' | t: { count: hits.length } }}
        }
      </p>
      @if (searchFailed()) {
        <p class="kh-picker__error">{{ 'workshopForm.searchFailed' | t }}</p>
      }
      @if (hits(); as hits) {
        <ul class="kh-picker__list" [attr.data-testid]="testId() + '-hits'">
          @for (option of hits; track option.id) {
            <li>
              <span>
                {{ option.label }}
                @if (option.detail) {
                  <span class="kh-muted">({{ option.detail }})</span>
                }
              </span>
              <button
                matButton="outlined"
                type="button"
                [attr.data-testid]="testId() + '-add'"
                [attr.aria-label]="texts().add | t: { name: option.label }"
                (click)="add(option)"
              >
                {{ 'workshopForm.add' | t }}
              </button>
            </li>
          }
        </ul>
      }
    </fieldset>
  `,
  styles: `
    .kh-picker {
      margin: 0;
      padding: 0.75rem 1rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
    }
    .kh-picker legend {
      padding: 0 0.25rem;
      font: var(--mat-sys-title-medium);
    }
    .kh-picker__list {
      margin: 0.5rem 0;
      padding: 0;
      list-style: none;
    }
    .kh-picker__list li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 0.75rem;
      padding-block: 0.25rem;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .kh-picker__label {
      display: block;
      margin-top: 0.75rem;
      font-weight: 600;
    }
    .kh-picker__search {
      box-sizing: border-box;
      width: 100%;
      min-height: 44px;
      padding: 0 0.75rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      font: inherit;
    }
    .kh-picker__hint {
      margin: 0.25rem 0 0;
      font: var(--mat-sys-body-medium);
    }
    .kh-picker__error {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
})
export class SearchPickerComponent {
  private readonly announcer = inject(LiveAnnouncer);
  private readonly i18n = inject(I18nService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly searchField = viewChild.required<ElementRef<HTMLInputElement>>('searchField');

  readonly texts = input.required<PickerTexts>();
  /** Runs a search; an empty query may list everyone (the API decides). */
  readonly search = input.required<(query: string) => Observable<PickerOption[]>>();
  readonly selected = model<PickerOption[]>([]);
  /** Ids never offered (e.g. those already chosen in another list). */
  readonly exclude = input<readonly string[]>([]);
  readonly note = input<string | null>(null);
  readonly testId = input.required<string>();

  protected readonly fieldId = `kh-picker-${nextId++}`;
  protected readonly query = signal('');
  protected readonly searchFailed = signal(false);

  private readonly results = toSignal(
    toObservable(this.query).pipe(
      debounceTime(SEARCH_DEBOUNCE_MS),
      map((query) => query.trim()),
      distinctUntilChanged(),
      switchMap((query) => {
        // Nothing is listed until the user types: the list of everyone could be long.
        if (!query) return of(null);
        this.searchFailed.set(false);
        return this.search()(query).pipe(
          startWith(null),
          catchError(() => {
            this.searchFailed.set(true);
            return of([]);
          }),
        );
      }),
    ),
    { initialValue: null },
  );

  protected readonly hits = computed(() => {
    const results = this.results();
    if (!results) return null;
    const hidden = new Set([...this.exclude(), ...this.selected().map((option) => option.id)]);
    return results.filter((option) => !hidden.has(option.id));
  });

  protected add(option: PickerOption): void {
    this.selected.update((list) => [...list, option]);
    void this.announcer.announce(this.i18n.translate(this.texts().added, { name: option.label }), 'polite');
    this.searchField().nativeElement.focus();
  }

  protected remove(option: PickerOption, index: number): void {
    this.selected.update((list) => list.filter((chosen) => chosen.id !== option.id));
    void this.announcer.announce(this.i18n.translate(this.texts().removed, { name: option.label }), 'polite');
    afterNextRender(
      () => {
        const buttons = this.host.nativeElement.querySelectorAll<HTMLElement>('.kh-picker__remove');
        (buttons[Math.min(index, buttons.length - 1)] ?? this.searchField().nativeElement).focus();
      },
      { injector: this.injector },
    );
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
