import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { Indicator } from '@kehittamo/shared/domain';
import { I18nService, LabelPipe, OrganisationApi, remote, TranslatePipe } from '@kehittamo/web/core';
import { ErrorMessageComponent, NoticeComponent } from '@kehittamo/web/ui';
import { CSV_EXPORTS, ProgressApi } from '../progress.api';
import { formatNumber } from '../shared/format';
import { ProgressNavComponent } from '../shared/progress-nav.component';
import { IndicatorValueFormComponent, type ValueOrganisation } from './indicator-value-form.component';
import { SparklineComponent } from './sparkline.component';

/**
 * The result and impact indicators: target, baseline and the sum so far ("12 / 40"), where the
 * values come from, the totals per quarter as a sparkline with a table, and a value form for
 * the entered ones; below, the experience experts' participation per quarter (figures of small
 * groups hidden by the server).
 */
@Component({
  selector: 'kh-indicators-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, LabelPipe, ErrorMessageComponent, NoticeComponent, ProgressNavComponent, SparklineComponent, IndicatorValueFormComponent],
  templateUrl: './indicators.page.html',
  styleUrls: ['../shared/progress.scss', './indicators.page.scss'],
})
export class IndicatorsPage {
  private readonly api = inject(ProgressApi);
  private readonly i18n = inject(I18nService);
  private readonly organisationApi = inject(OrganisationApi);

  protected readonly csv = CSV_EXPORTS.indicators;
  protected readonly permissions = remote({ params: () => true, load: () => this.api.permissions() });
  protected readonly indicators = remote({ params: () => true, load: () => this.api.indicators() });
  protected readonly engagement = remote({ params: () => true, load: () => this.api.expertEngagement() });
  /** Names for the value form; loaded only for users who may enter something. */
  private readonly organisations = remote({
    params: () => (this.permissions.value()?.editableOrganisationIds.length ? true : undefined),
    load: () => this.organisationApi.list(),
  });
  protected readonly notice = signal<string | null>(null);

  protected readonly editableOrganisations = computed<ValueOrganisation[]>(() => {
    const editable = new Set(this.permissions.value()?.editableOrganisationIds ?? []);
    return (this.organisations.value() ?? [])
      .filter((organisation) => editable.has(organisation.id))
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  /** "12 / 40 henkilöä", or just "12 henkilöä" without a target. */
  protected progressText(indicator: Indicator): string {
    const locale = this.i18n.locale();
    const current = formatNumber(indicator.current, locale);
    const figure = indicator.target === null ? current : `${current} / ${formatNumber(indicator.target, locale)}`;
    return indicator.unit ? `${figure} ${indicator.unit}` : figure;
  }

  protected number(value: number | null): string {
    return value === null ? this.i18n.translate('common.dash') : formatNumber(value, this.i18n.locale());
  }

  protected saved(indicator: Indicator): void {
    this.indicators.update((list) => list.map((known) => (known.id === indicator.id ? indicator : known)));
    this.notice.set(this.i18n.translate('workshop.saved'));
  }
}
