import { ChangeDetectionStrategy, Component, computed, effect, input, signal } from '@angular/core';
import { isSafeHref, MODEL_DOC_ROOTS, MODEL_FACT_KEYS, type ModelFactKey } from '@kehittamo/shared/domain';
import type { CollabSession } from '@kehittamo/web/collab';
import { TranslatePipe } from '@kehittamo/web/core';
import { FIELD_HINT, FIELD_LABEL } from '../shared/field-labels';

const URL_FACTS = new Set<ModelFactKey>(['coverImageUrl', 'programmeUrl']);

/**
 * The basic facts (Perustiedot) as labelled fields bound to the document's `facts` map:
 * each keystroke writes the whole value (last writer wins), and changes from others appear
 * as they arrive. Web addresses are written only when they are safe links (the collaboration
 * server would refuse the whole change otherwise).
 */
@Component({
  selector: 'kh-model-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <div class="kh-facts">
      @for (key of keys; track key) {
        <div class="kh-fact" [class.kh-fact--wide]="key === 'summary'">
          <label [for]="'fact-' + key">{{ labels[key] | t }}</label>
          <p class="kh-fact__hint" [id]="'fact-' + key + '-hint'">{{ hints[key] | t }}</p>
          @if (key === 'summary') {
            <textarea
              rows="3"
              [id]="'fact-' + key"
              [attr.data-testid]="'fact-' + key"
              [attr.aria-describedby]="describedBy(key)"
              [value]="values()[key]"
              [readOnly]="!editable()"
              (input)="write(key, $event)"
            ></textarea>
          } @else {
            <input
              [type]="isUrl(key) ? 'url' : 'text'"
              [attr.inputmode]="isUrl(key) ? 'url' : null"
              [id]="'fact-' + key"
              [attr.data-testid]="'fact-' + key"
              [attr.aria-describedby]="describedBy(key)"
              [attr.aria-invalid]="invalid().has(key) ? 'true' : null"
              [value]="values()[key]"
              [readOnly]="!editable()"
              (input)="write(key, $event)"
            />
          }
          @if (invalid().has(key)) {
            <p class="kh-fact__error" [id]="'fact-' + key + '-error'">{{ 'modelEditor.urlInvalid' | t }}</p>
          }
        </div>
      }
    </div>
  `,
  styles: `
    .kh-facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
      gap: 1rem 1.5rem;
    }
    .kh-fact {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-width: 0;
    }
    .kh-fact--wide {
      grid-column: 1 / -1;
    }
    .kh-fact label {
      font-weight: 600;
    }
    .kh-fact__hint,
    .kh-fact__error {
      margin: 0;
      font-size: 0.875rem;
    }
    .kh-fact__hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .kh-fact__error {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
    .kh-fact input,
    .kh-fact textarea {
      min-height: 44px;
      box-sizing: border-box;
      width: 100%;
      padding: 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: inherit;
    }
    .kh-fact input[readonly],
    .kh-fact textarea[readonly] {
      background: var(--mat-sys-surface-container-lowest);
    }
    .kh-fact input[aria-invalid='true'] {
      border: 2px solid var(--mat-sys-error);
    }
  `,
})
export class ModelFactsComponent {
  readonly session = input.required<CollabSession>();
  readonly editable = input(false);

  protected readonly keys = MODEL_FACT_KEYS;
  protected readonly labels = FIELD_LABEL;
  protected readonly hints = FIELD_HINT;
  protected readonly values = signal<Record<ModelFactKey, string>>(emptyFacts());
  protected readonly invalid = signal<ReadonlySet<ModelFactKey>>(new Set());
  private readonly facts = computed(() => this.session().doc.getMap<unknown>(MODEL_DOC_ROOTS.facts));

  constructor() {
    effect((onCleanup) => {
      const facts = this.facts();
      const read = () => {
        const next = emptyFacts();
        for (const key of MODEL_FACT_KEYS) {
          const value = facts.get(key);
          if (typeof value === 'string') next[key] = value;
        }
        this.values.set(next);
      };
      read();
      facts.observe(read);
      onCleanup(() => facts.unobserve(read));
    });
  }

  protected isUrl(key: ModelFactKey): boolean {
    return URL_FACTS.has(key);
  }

  protected describedBy(key: ModelFactKey): string {
    return `fact-${key}-hint` + (this.invalid().has(key) ? ` fact-${key}-error` : '');
  }

  protected write(key: ModelFactKey, event: Event): void {
    if (!this.editable()) return;
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    const unsafe = URL_FACTS.has(key) && value.trim() !== '' && !isSafeHref(value.trim());
    this.invalid.update((current) => {
      const next = new Set(current);
      if (unsafe) next.add(key);
      else next.delete(key);
      return next;
    });
    if (unsafe) return;
    const stored = URL_FACTS.has(key) ? value.trim() : value;
    const facts = this.facts();
    if (facts.get(key) !== stored) facts.set(key, stored);
  }
}

function emptyFacts(): Record<ModelFactKey, string> {
  return Object.fromEntries(MODEL_FACT_KEYS.map((key) => [key, ''])) as Record<ModelFactKey, string>;
}
