import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { BudgetMonth } from '@kehittamo/shared/domain';
import { I18nService, TranslatePipe } from '@kehittamo/web/core';
import { EurosPipe, formatEuros, formatMonth, MonthPipe } from '../shared/format';

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { top: 16, right: 16, bottom: 32, left: 16 };

/**
 * Cumulative actual costs against the even plan, month by month: an inline SVG line chart
 * (actual solid with dots, planned dashed, so colour is not needed to tell them apart) named by
 * a one-sentence summary, and the same numbers as a table in a disclosure.
 */
@Component({
  selector: 'kh-burn-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, EurosPipe, MonthPipe],
  template: `
    <figure class="burn">
      <svg
        class="burn__svg"
        data-testid="budget-chart"
        role="img"
        [attr.aria-label]="summary()"
        [attr.viewBox]="'0 0 ' + width + ' ' + height"
        preserveAspectRatio="xMidYMid meet"
      >
        <line class="burn__axis" [attr.x1]="pad.left" [attr.x2]="width - pad.right" [attr.y1]="baseline" [attr.y2]="baseline" />
        <line class="burn__grid" [attr.x1]="pad.left" [attr.x2]="width - pad.right" [attr.y1]="pad.top" [attr.y2]="pad.top" />
        <text class="burn__label" [attr.x]="pad.left" [attr.y]="pad.top - 4">{{ top() }}</text>
        <polyline class="burn__planned" [attr.points]="planned()" />
        <polyline class="burn__actual" [attr.points]="actual()" />
        @for (point of dots(); track point.period) {
          <circle class="burn__dot" [attr.cx]="point.x" [attr.cy]="point.y" r="4" />
        }
        @if (months().length) {
          <text class="burn__label" [attr.x]="pad.left" [attr.y]="height - 8">{{ months()[0].period | month }}</text>
          <text class="burn__label" text-anchor="end" [attr.x]="width - pad.right" [attr.y]="height - 8">
            {{ months()[months().length - 1].period | month }}
          </text>
        }
      </svg>
      <figcaption class="burn__legend" aria-hidden="true">
        <span><span class="burn__key burn__key--actual"></span>{{ 'progress.actual' | t }}</span>
        <span><span class="burn__key burn__key--planned"></span>{{ 'progress.planned' | t }}</span>
      </figcaption>
    </figure>
    <details class="kh-details">
      <summary>{{ 'progress.asTable' | t }}</summary>
      <div class="kh-table-scroll" role="region" tabindex="0" aria-labelledby="burn-caption">
        <table class="kh-table" data-testid="budget-chart-table">
          <caption id="burn-caption">{{ 'progress.chart' | t }}</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'workshops.trendMonth' | t }}</th>
              <th scope="col" class="progress-number">{{ 'progress.burn' | t }}</th>
              <th scope="col" class="progress-number">{{ 'progress.actual' | t }}</th>
              <th scope="col" class="progress-number">{{ 'progress.planned' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (month of months(); track month.period) {
              <tr>
                <th scope="row">{{ month.period | month }}</th>
                <td class="progress-number">{{ month.actual | euros }}</td>
                <td class="progress-number">{{ month.cumulativeActual | euros }}</td>
                <td class="progress-number">{{ month.cumulativePlanned | euros }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </details>
  `,
  styleUrls: ['../shared/progress.scss', './burn-chart.component.scss'],
})
export class BurnChartComponent {
  private readonly i18n = inject(I18nService);

  readonly months = input.required<readonly BudgetMonth[]>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly pad = PAD;
  protected readonly baseline = HEIGHT - PAD.bottom;

  private readonly max = computed(() =>
    Math.max(1, ...this.months().map((month) => Math.max(month.cumulativeActual, month.cumulativePlanned))),
  );
  protected readonly top = computed(() => formatEuros(this.max(), this.i18n.locale()));

  private readonly points = computed(() => {
    const months = this.months();
    const span = WIDTH - PAD.left - PAD.right;
    const step = months.length > 1 ? span / (months.length - 1) : 0;
    const y = (value: number) => Math.round((this.baseline - ((this.baseline - PAD.top) * value) / this.max()) * 10) / 10;
    return months.map((month, index) => ({
      period: month.period,
      x: Math.round((months.length > 1 ? PAD.left + index * step : PAD.left + span / 2) * 10) / 10,
      actual: y(month.cumulativeActual),
      planned: y(month.cumulativePlanned),
    }));
  });
  protected readonly actual = computed(() => this.points().map((point) => `${point.x},${point.actual}`).join(' '));
  protected readonly planned = computed(() => this.points().map((point) => `${point.x},${point.planned}`).join(' '));
  protected readonly dots = computed(() => this.points().map((point) => ({ period: point.period, x: point.x, y: point.actual })));

  /** The text alternative: where spending stands in the last month against the plan. */
  protected readonly summary = computed(() => {
    const months = this.months();
    const last = months[months.length - 1];
    if (!last) return this.i18n.translate('progress.noCosts');
    const locale = this.i18n.locale();
    const t = (key: 'progress.actual' | 'progress.planned') => this.i18n.translate(key).toLocaleLowerCase(locale);
    return (
      `${this.i18n.translate('progress.chart')} ${formatMonth(last.period, locale)}: ` +
      `${t('progress.actual')} ${formatEuros(last.cumulativeActual, locale)}, ${t('progress.planned')} ${formatEuros(last.cumulativePlanned, locale)}.`
    );
  });
}
