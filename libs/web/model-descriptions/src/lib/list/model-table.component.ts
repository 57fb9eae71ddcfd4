import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ModelDescriptionSummary } from '@kehittamo/shared/domain';
import { DateTimePipe, TranslatePipe } from '@kehittamo/web/core';
import { PhaseLabelPipe } from '../shared/phase-label.pipe';

/**
 * Model descriptions as a table: name (with the matching passage of a search, its matches in
 * <mark>), space, phase, work packages, completeness and last change. Text only, never HTML
 * from the server.
 */
@Component({
  selector: 'kh-model-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, DateTimePipe, PhaseLabelPipe],
  template: `
    <div class="kh-table-scroll" role="region" tabindex="0" [attr.aria-labelledby]="captionId">
      <table class="kh-table" data-testid="model-table">
        <caption [id]="captionId">{{ (search() ? 'models.captionSearch' : 'models.caption') | t }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ 'models.name' | t }}</th>
            @if (showSpace()) {
              <th scope="col">{{ 'models.space' | t }}</th>
            }
            <th scope="col">{{ 'models.phase' | t }}</th>
            <th scope="col">{{ 'models.workPackages' | t }}</th>
            <th scope="col">{{ 'models.completeness' | t }}</th>
            <th scope="col">{{ 'models.updated' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (model of models(); track model.id) {
            <tr data-testid="model-row">
              <td>
                <a class="kh-model-link" [routerLink]="['/models', model.id]" data-testid="model-link">{{ model.name }}</a>
                @if (model.locked) {
                  <span class="kh-badge kh-model-locked"><span aria-hidden="true">🔒</span> {{ 'models.locked' | t }}</span>
                }
                @if (model.snippet?.length) {
                  <p class="kh-snippet" data-testid="model-snippet">
                    <span class="kh-visually-hidden">{{ 'models.matchIntro' | t }} </span>
                    @for (part of model.snippet; track $index) {@if (part.match) {<mark>{{ part.text }}</mark>} @else {<span>{{ part.text }}</span>}}
                  </p>
                } @else if (model.summary) {
                  <p class="kh-snippet kh-muted">{{ model.summary }}</p>
                }
              </td>
              @if (showSpace()) {
                <td>{{ model.spaceName }}</td>
              }
              <td>{{ model.phase | phaseLabel }}</td>
              <td>{{ model.workPackages.length ? model.workPackages.join(', ') : ('common.dash' | t) }}</td>
              <td data-testid="model-completeness">
                {{ 'models.filled' | t: { filled: model.completeness.filled, total: model.completeness.total } }}
              </td>
              <td>{{ model.updatedAt | dateTime }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .kh-model-link {
      font-weight: 600;
    }
    .kh-model-locked {
      margin-inline-start: 0.5rem;
    }
    .kh-snippet {
      margin: 0.25rem 0 0;
      max-width: 40rem;
      font: var(--mat-sys-body-medium);
    }
    /* Matches: yellow background and bold, so they show without colour too. */
    .kh-snippet mark {
      background: #fff3a3;
      color: inherit;
      font-weight: 700;
    }
  `,
})
export class ModelTableComponent {
  readonly models = input.required<readonly ModelDescriptionSummary[]>();
  /** Results of a search: ranked, with snippets. */
  readonly search = input(false);
  readonly showSpace = input(true);

  protected readonly captionId = `kh-model-table-${nextId++}`;
}

let nextId = 0;
