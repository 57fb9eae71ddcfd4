import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router } from '@angular/router';
import type { ModelDescriptionExport } from '@kehittamo/shared/domain';
import { TranslatePipe, type TranslationKey } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { ModelDescriptionApi } from '../data/model-description.api';

/** A Kehittämö JSON export, recognised by its format marker; the server checks the content itself. */
export function isModelExport(value: unknown): value is ModelDescriptionExport {
  const candidate = value as Partial<ModelDescriptionExport> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.format === 'kehittamo.model-description' &&
    typeof candidate.name === 'string' &&
    typeof candidate.content === 'object' &&
    candidate.content !== null
  );
}

/** Takes a JSON export back as a new description in this space and opens it. */
@Component({
  selector: 'kh-import-model-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, ErrorMessageComponent],
  template: `
    <h2 id="model-import-heading">{{ 'models.importHeading' | t }}</h2>
    <p>{{ 'models.importIntro' | t }}</p>
    <kh-error-message [error]="error()" />
    @if (problem(); as problem) {
      <kh-error-message [message]="problem | t" />
    }
    <form class="kh-import" aria-labelledby="model-import-heading" (submit)="submit($event)">
      <label for="model-import-file">{{ 'models.importFile' | t }}</label>
      <input #file id="model-import-file" type="file" accept="application/json,.json" data-testid="model-import-file" />
      <div class="kh-form-actions">
        <button matButton="outlined" type="submit" data-testid="model-import-submit">
          {{ (busy() ? 'common.sending' : 'models.importSubmit') | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .kh-import {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .kh-import label {
      font-weight: 600;
    }
    .kh-import input {
      min-height: 44px;
      max-width: 100%;
    }
  `,
})
export class ImportModelFormComponent {
  private readonly api = inject(ModelDescriptionApi);
  private readonly router = inject(Router);

  readonly spaceId = input.required<string>();

  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly problem = signal<TranslationKey | null>(null);

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    const input = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[type=file]');
    const file = input?.files?.[0];
    this.error.set(null);
    this.problem.set(null);
    if (!file) {
      this.problem.set('models.importChoose');
      input?.focus();
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      parsed = null;
    }
    if (!isModelExport(parsed)) {
      this.problem.set('models.importInvalid');
      input?.focus();
      return;
    }
    this.busy.set(true);
    this.api.import(this.spaceId(), parsed).subscribe({
      next: (model) => void this.router.navigate(['/models', model.id]),
      error: (failure: unknown) => {
        this.busy.set(false);
        this.error.set(failure);
      },
    });
  }
}
