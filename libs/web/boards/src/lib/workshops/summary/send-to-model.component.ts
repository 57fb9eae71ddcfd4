import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { MODEL_SECTION_KEYS, WORKSHOP_LIMITS, type ModelSectionKey } from '@kehittamo/shared/domain';
import { remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { concatMap, from, reduce } from 'rxjs';
import { MODEL_SECTION_LABEL } from '../shared/labels';
import { WorkshopApi } from '../workshop.api';

export interface ModelChoice {
  id: string;
  name: string;
}

/**
 * "Send to a model description": the chosen notes are appended to one section of one model
 * description. Linked descriptions are offered first. Notes from several boards go in one
 * request per board (the API takes one board at a time).
 */
@Component({
  selector: 'kh-send-to-model',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButton, TranslatePipe, ErrorMessageComponent],
  template: `
    <form class="kh-send-form" (submit)="send($event)" data-testid="send-to-model">
      <p role="status" data-testid="send-selected">{{ 'workshopSummary.selected' | t: { count: count(), max: max } }}</p>
      <label for="send-model">{{ 'workshopSummary.model' | t }}</label>
      <select id="send-model" data-testid="send-model" (change)="modelId.set(value($event))">
        <option value="" [selected]="!modelId()">{{ 'workshops.choose' | t }}</option>
        @if (linked().length) {
          <optgroup [label]="'workshopSummary.linkedModels' | t">
            @for (model of linked(); track model.id) {
              <option [value]="model.id" [selected]="model.id === modelId()">{{ model.name }}</option>
            }
          </optgroup>
        }
        @if (others().length) {
          <optgroup [label]="'workshopSummary.otherModels' | t">
            @for (model of others(); track model.id) {
              <option [value]="model.id" [selected]="model.id === modelId()">{{ model.name }}</option>
            }
          </optgroup>
        }
      </select>
      <label for="send-section">{{ 'workshopSummary.section' | t }}</label>
      <select id="send-section" data-testid="send-section" (change)="section.set(sectionValue($event))">
        @for (key of sections; track key) {
          <option [value]="key" [selected]="key === section()">{{ sectionLabel[key] | t }}</option>
        }
      </select>
      @if (problem(); as problem) {
        <p class="kh-send-form__problem" id="send-problem">{{ problem | t: { max: max } }}</p>
      }
      <div class="kh-form-actions">
        <button
          matButton="filled"
          type="submit"
          data-testid="send-submit"
          [attr.aria-describedby]="problem() ? 'send-problem' : null"
        >
          {{ (busy() ? 'common.sending' : 'workshopSummary.send') | t }}
        </button>
      </div>
    </form>
    <kh-error-message [error]="error() ?? models.error()" />
    <div role="status">
      @if (result(); as result) {
        <p class="kh-notice" data-testid="send-result">
          {{ 'workshopSummary.sent' | t: { count: result.appended, section: (sectionLabel[result.section] | t) } }}
          <a [routerLink]="['/models', result.modelId]">{{ 'workshopSummary.openModel' | t: { name: result.name } }}</a>
        </p>
      }
    </div>
  `,
  styles: `
    .kh-send-form {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      max-width: 34rem;
    }
    .kh-send-form label {
      margin-top: 0.5rem;
      font-weight: 600;
    }
    .kh-send-form select {
      max-width: 100%;
    }
    .kh-send-form__problem {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
})
export class SendToModelComponent {
  private readonly api = inject(WorkshopApi);

  readonly workshopId = input.required<string>();
  readonly linked = input.required<readonly ModelChoice[]>();
  /** Chosen note ids by board. */
  readonly selection = input.required<ReadonlyMap<string, ReadonlySet<string>>>();

  protected readonly sections = MODEL_SECTION_KEYS;
  protected readonly sectionLabel = MODEL_SECTION_LABEL;
  protected readonly max = WORKSHOP_LIMITS.sendToModelItems;
  protected readonly models = remote({ params: () => true, load: () => this.api.models({}) });
  protected readonly others = computed(() => {
    const linked = new Set(this.linked().map((model) => model.id));
    return (this.models.value() ?? []).filter((model) => !linked.has(model.id));
  });
  protected readonly modelId = signal('');
  protected readonly section = signal<ModelSectionKey>('basicIdea');
  protected readonly count = computed(() => [...this.selection().values()].reduce((sum, ids) => sum + ids.size, 0));
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly result = signal<{ modelId: string; name: string; section: ModelSectionKey; appended: number } | null>(null);
  /** Shown only after a try, so the form does not scold before anything was done. */
  protected readonly problem = signal<'workshopSummary.chooseNotes' | 'workshopSummary.tooMany' | 'workshopSummary.chooseModel' | null>(null);

  protected send(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const count = this.count();
    const modelId = this.modelId();
    this.problem.set(!count ? 'workshopSummary.chooseNotes' : count > this.max ? 'workshopSummary.tooMany' : !modelId ? 'workshopSummary.chooseModel' : null);
    if (this.problem()) return;
    const section = this.section();
    const name = [...this.linked(), ...this.others()].find((model) => model.id === modelId)?.name ?? '';
    this.busy.set(true);
    this.error.set(null);
    this.result.set(null);
    from([...this.selection().entries()].filter(([, ids]) => ids.size > 0))
      .pipe(
        concatMap(([boardId, ids]) => this.api.sendToModel(this.workshopId(), { boardId, itemIds: [...ids], modelId, section })),
        reduce((sum, answer) => sum + answer.appended, 0),
      )
      .subscribe({
        next: (appended) => {
          this.busy.set(false);
          this.result.set({ modelId, name, section, appended });
        },
        error: (failure: unknown) => {
          this.busy.set(false);
          this.error.set(failure);
        },
      });
  }

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected sectionValue(event: Event): ModelSectionKey {
    return (event.target as HTMLSelectElement).value as ModelSectionKey;
  }
}
