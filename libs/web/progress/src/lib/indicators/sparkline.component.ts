import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Indicator } from '@kehittamo/shared/domain';
import { I18nService, TranslatePipe } from '@kehittamo/web/core';
import { formatNumber } from '../shared/format';

const WIDTH = 160;
const HEIGHT = 40;
const PAD = 4;

/** A table row: one quarter with each organisation's value and the total. */
interface Row {
  period: string;
  values: (number | null)[];
  total: number;
}

/**
 * An indicator's totals per quarter as a small inline SVG line (named by a sentence listing the
 * values), with the values per quarter and organisation in a table behind "Näytä taulukkona" —
 * the same pattern as the burn chart.
 */
@Component({
  selector: 'kh-sparkline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  template: `
    <svg
      class="spark"
      data-testid="indicator-sparkline"
      role="img"
      [attr.aria-label]="summary()"
      [attr.viewBox]="'0 0 ' + width + ' ' + height"
      preserveAspectRatio="none"
    >
      <line class="spark__axis" [attr.x1]="0" [attr.x2]="width" [attr.y1]="height - pad" [attr.y2]="height - pad" />
      @if (points().length > 1) {
        <polyline class="spark__line" [attr.points]="line()" />
      }
      @for (point of points(); track point.period) {
        <circle class="spark__dot" [attr.cx]="point.x" [attr.cy]="point.y" r="3" />
      }
    </svg>
    <details class="kh-details">
      <summary>{{ 'progress.asTable' | t }}<span class="kh-visually-hidden">: {{ indicator().name }}</span></summary>
      <div class="kh-table-scroll" role="region" tabindex="0" [attr.aria-labelledby]="captionId()">
        <table class="kh-table" data-testid="indicator-table">
          <caption [id]="captionId()">{{ indicator().name }} ({{ indicator().unit }})</caption>
          <thead>
            <tr>
              <th scope="col">{{ 'progress.quarter' | t }}</th>
              @for (organisation of organisations(); track $index) {
                <th scope="col" class="progress-number">{{ organisation ?? ('progress.shared' | t) }}</th>
              }
              <th scope="col" class="progress-number">{{ 'progress.total' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.period) {
              <tr>
                <th scope="row">{{ row.period }}</th>
                @for (value of row.values; track $index) {
                  <td class="progress-number">{{ value === null ? ('common.dash' | t) : number(value) }}</td>
                }
                <td class="progress-number">{{ number(row.total) }}</td>
              </tr>
            } @empty {
              <tr>
                <td [attr.colspan]="organisations().length + 2">{{ 'progress.noValues' | t }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </details>
  `,
  styles: `
    .spark {
      display: block;
      width: 10rem;
      max-width: 100%;
      height: 2.5rem;
      overflow: visible;
    }
    .spark__axis {
      stroke: var(--mat-sys-outline);
      stroke-width: 1;
    }
    .spark__line {
      fill: none;
      stroke: var(--mat-sys-primary);
      stroke-width: 2;
      vector-effect: non-scaling-stroke;
    }
    .spark__dot {
      fill: var(--mat-sys-primary);
    }
  `,
  styleUrls: ['../shared/progress.scss'],
})
export class SparklineComponent {
  private readonly i18n = inject(I18nService);

  readonly indicator = input.required<Indicator>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly pad = PAD;
  protected readonly captionId = computed(() => `indicator-caption-${this.indicator().id}`);

  protected readonly points = computed(() => {
    const totals = this.indicator().totals;
    const max = Math.max(1, ...totals.map((total) => total.value));
    const step = totals.length > 1 ? (WIDTH - 2 * PAD) / (totals.length - 1) : 0;
    return totals.map((total, index) => ({
      period: total.period,
      x: Math.round((totals.length > 1 ? PAD + index * step : WIDTH / 2) * 10) / 10,
      y: Math.round((HEIGHT - PAD - ((HEIGHT - 2 * PAD) * total.value) / max) * 10) / 10,
    }));
  });
  protected readonly line = computed(() => this.points().map((point) => `${point.x},${point.y}`).join(' '));

  /** Organisation short names in the values (null: the shared spaces), in order of appearance. */
  protected readonly organisations = computed(() => [...new Set(this.indicator().values.map((value) => value.organisationShortName))]);

  protected readonly rows = computed<Row[]>(() => {
    const organisations = this.organisations();
    return this.indicator().totals.map(({ period, value }) => {
      const values = organisations.map((name) => {
        const found = this.indicator().values.find((entry) => entry.period === period && entry.organisationShortName === name);
        return found ? found.value : null;
      });
      return { period, values, total: value };
    });
  });

  /** "Pidetyt työpajat neljänneksittäin: 2024-Q3 2, 2024-Q4 5." */
  protected readonly summary = computed(() => {
    const { name, totals } = this.indicator();
    if (!totals.length) return `${name}: ${this.i18n.translate('progress.noValues')}`;
    const values = totals.map((total) => `${total.period} ${this.number(total.value)}`).join(', ');
    return this.i18n.translate('progress.trend', { name, values });
  });

  protected number(value: number): string {
    return formatNumber(value, this.i18n.locale());
  }
}
