import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FEEDBACK_QUESTIONS, WORKSHOP_LIMITS } from '@kehittamo/shared/domain';
import { OrganisationApi, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent } from '@kehittamo/web/ui';
import { FEEDBACK_QUESTION_LABEL } from '../shared/labels';
import { WorkshopApi } from '../workshop.api';

/**
 * Workshop feedback of one organisation's respondents per month, for coordinators: averages
 * only for months with enough answers that nobody can be picked out.
 */
@Component({
  selector: 'kh-feedback-trend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, ErrorMessageComponent],
  template: `
    <section class="kh-section" aria-labelledby="feedback-trend-heading">
      <h2 id="feedback-trend-heading">{{ 'workshops.trendHeading' | t }}</h2>
      <p>{{ 'workshops.trendIntro' | t: { min: minResponses } }}</p>
      <kh-error-message [error]="organisations.error() ?? trend.error()" />
      <div class="kh-inline-field">
        <label for="feedback-trend-organisation">{{ 'workshops.trendOrganisation' | t }}</label>
        <select id="feedback-trend-organisation" data-testid="feedback-trend-organisation" (change)="choose($event)">
          <option value="" [selected]="!organisationId()">{{ 'workshops.choose' | t }}</option>
          @for (organisation of organisations.value() ?? []; track organisation.id) {
            <option [value]="organisation.id" [selected]="organisation.id === organisationId()">{{ organisation.name }}</option>
          }
        </select>
      </div>
      @if (trend.value(); as trend) {
        @if (trend.months.length) {
          <div class="kh-table-scroll" role="region" tabindex="0" aria-labelledby="feedback-trend-caption">
            <table class="kh-table" data-testid="feedback-trend-table">
              <caption id="feedback-trend-caption">{{ 'workshops.trendCaption' | t }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ 'workshops.trendMonth' | t }}</th>
                  <th scope="col">{{ 'workshops.trendResponses' | t }}</th>
                  @for (question of questions; track question) {
                    <th scope="col">{{ questionLabel[question] | t }}</th>
                  }
                </tr>
              </thead>
              <tbody>
                @for (month of trend.months; track month.month) {
                  <tr>
                    <th scope="row">{{ month.month }}</th>
                    <td>{{ month.responses }}</td>
                    @for (question of questions; track question) {
                      <td>{{ month.averages ? month.averages[question].toFixed(1) : ('workshops.trendTooFew' | t) }}</td>
                    }
                  </tr>
                }
              </tbody>
            </table>
          </div>
        } @else {
          <p>{{ 'workshops.trendNone' | t }}</p>
        }
      } @else if (organisationId() && trend.loading()) {
        <p role="status">{{ 'common.loading' | t }}</p>
      }
    </section>
  `,
})
export class FeedbackTrendComponent {
  private readonly api = inject(WorkshopApi);
  private readonly organisationApi = inject(OrganisationApi);

  protected readonly questions = FEEDBACK_QUESTIONS;
  protected readonly questionLabel = FEEDBACK_QUESTION_LABEL;
  protected readonly minResponses = WORKSHOP_LIMITS.feedbackMinResponses;
  protected readonly organisationId = signal<string>('');
  protected readonly organisations = remote({ params: () => true, load: () => this.organisationApi.list() });
  protected readonly trend = remote({
    params: () => this.organisationId() || undefined,
    load: (id: string) => this.api.feedbackTrend(id),
  });

  protected choose(event: Event): void {
    this.organisationId.set((event.target as HTMLSelectElement).value);
  }
}
