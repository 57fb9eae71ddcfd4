import { ChangeDetectionStrategy, Component, input, linkedSignal, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { ModelVersion } from '@kehittamo/shared/domain';
import { TranslatePipe } from '@kehittamo/web/core';

/** `to` may be a version id or `current`. */
export interface CompareChoice {
  from: string;
  to: string;
}

/** Two labelled selects: from which version to which (or to the current content). */
@Component({
  selector: 'kh-compare-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe],
  template: `
    <form class="kh-compare-form" aria-labelledby="compare-heading" (submit)="submit($event)">
      <div class="kh-compare-form__field">
        <label for="compare-from">{{ 'modelVersions.from' | t }}</label>
        <select id="compare-from" data-testid="compare-from" (change)="from.set(value($event))">
          @for (version of versions(); track version.id) {
            <option [value]="version.id" [selected]="version.id === from()">
              {{ 'modelVersions.versionOption' | t: { number: version.number, name: version.name || ('modelVersions.unnamed' | t) } }}
            </option>
          }
        </select>
      </div>
      <div class="kh-compare-form__field">
        <label for="compare-to">{{ 'modelVersions.to' | t }}</label>
        <select id="compare-to" data-testid="compare-to" (change)="to.set(value($event))">
          <option value="current" [selected]="to() === 'current'">{{ 'modelVersions.current' | t }}</option>
          @for (version of versions(); track version.id) {
            <option [value]="version.id" [selected]="version.id === to()">
              {{ 'modelVersions.versionOption' | t: { number: version.number, name: version.name || ('modelVersions.unnamed' | t) } }}
            </option>
          }
        </select>
      </div>
      <button matButton="filled" type="submit" data-testid="compare-submit">{{ 'modelVersions.compare' | t }}</button>
    </form>
  `,
  styles: `
    .kh-compare-form {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.75rem 1.25rem;
      margin-block: 1rem;
    }
    .kh-compare-form__field {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-width: min(100%, 14rem);
    }
    .kh-compare-form label {
      font-weight: 600;
    }
    .kh-compare-form select {
      min-height: 44px;
      padding: 0 0.5rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 6px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class CompareFormComponent {
  /** Newest first. */
  readonly versions = input.required<readonly ModelVersion[]>();
  readonly initialFrom = input<string | undefined>(undefined);
  readonly initialTo = input<string | undefined>(undefined);
  readonly compare = output<CompareChoice>();

  protected readonly from = linkedSignal(() => this.initialFrom() ?? this.versions()[0]?.id ?? '');
  protected readonly to = linkedSignal(() => this.initialTo() ?? 'current');

  protected value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.from()) this.compare.emit({ from: this.from(), to: this.to() });
  }
}
