import { inject, Pipe, PipeTransform } from '@angular/core';
import type { PercentSuggestion, TaskStatus } from '@kehittamo/shared/domain';
import { I18nService } from '@kehittamo/web/core';

// Impure pipes run on every check; building an Intl formatter each time would be wasteful.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, build: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Euros in the language's way: "439 685 €" (fi, sv), "€439,685" (en). Whole euros, unless
 * `cents` (a single cost entry) and the amount has them: "1 250,50 €".
 */
export function formatEuros(value: number, locale: string, cents = false): string {
  const digits = cents && !Number.isInteger(value) ? 2 : 0;
  return cached(`eur|${locale}|${digits}`, () =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits }),
  ).format(value);
}

/** A percentage, 0–100 in, "40 %" (fi, sv) or "40%" (en) out; `digits` decimals at most. */
export function formatPercent(percent: number, locale: string, digits = 0): string {
  return cached(`pct|${locale}|${digits}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits })).format(
    percent / 100,
  );
}

/** A calendar day (`YYYY-MM-DD`) as a local date, so no time zone can move it a day: "1.3.2025". */
export function formatDay(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return cached(`day|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(new Date(year, month - 1, day));
}

/** A cost period (`YYYY-MM`) as a short month: "3.2025" (fi), "03/2025" (en). */
export function formatMonth(period: string, locale: string): string {
  const [year, month] = period.split('-').map(Number);
  if (!year || !month) return period;
  return cached(`month|${locale}`, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric' })).format(
    new Date(year, month - 1, 1),
  );
}

/** `{{ figures.actual | euros }}`, `{{ entry.amount | euros: true }}` (with cents). */
@Pipe({ name: 'euros', pure: false })
export class EurosPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: number, cents = false): string {
    return formatEuros(value, this.i18n.locale(), cents);
  }
}

/** `{{ wp.percent | percentage }}`: "40 %". */
@Pipe({ name: 'percentage', pure: false })
export class PercentagePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: number, digits = 0): string {
    return formatPercent(value, this.i18n.locale(), digits);
  }
}

/** `{{ task.dueOn | day }}`: "1.3.2025". */
@Pipe({ name: 'day', pure: false })
export class DayPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: string | null | undefined): string {
    return value ? formatDay(value, this.i18n.locale()) : '';
  }
}

/** `{{ month.period | month }}`: "3.2025". */
@Pipe({ name: 'month', pure: false })
export class MonthPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: string): string {
    return formatMonth(value, this.i18n.locale());
  }
}

/** The order in which status counts are told: what needs attention first. */
const COUNT_ORDER: readonly TaskStatus[] = ['on-track', 'at-risk', 'delayed', 'done', 'not-started'];

/**
 * Status counts in words, leaving out zeros: "3 ajallaan · 1 riskissä · 2 valmis".
 * Empty when there are no tasks.
 */
export function statusCounts(counts: Record<TaskStatus, number>, i18n: I18nService): string {
  return COUNT_ORDER.filter((status) => (counts[status] ?? 0) > 0)
    .map((status) => `${counts[status]} ${i18n.label('taskStatuses', status).toLocaleLowerCase(i18n.locale())}`)
    .join(' · ');
}

/**
 * The suggested % with what it is based on: "Ehdotus 60 %: 3/5 alatehtävää valmis, 1 toimintamalli
 * (40 %)". Managers decide; the suggestion only informs.
 */
export function suggestionText(suggestion: PercentSuggestion, i18n: I18nService): string {
  const locale = i18n.locale();
  const { subtasks, subtasksDone, models, modelPercent } = suggestion.basis;
  const parts: string[] = [];
  if (subtasks > 0) parts.push(i18n.translate('progress.subtasks', { done: subtasksDone, total: subtasks }));
  if (models > 0) {
    const count = i18n.translate(models === 1 ? 'progress.model' : 'progress.models', { count: models });
    parts.push(modelPercent === null ? count : `${count} (${formatPercent(modelPercent, locale)})`);
  }
  const head = i18n.translate('progress.suggestion', { percent: formatPercent(suggestion.percent, locale) });
  return parts.length ? `${head}: ${parts.join(', ')}` : head;
}

/** A plain number in the language's way: "1 250,5" (fi), "1,250.5" (en). */
export function formatNumber(value: number, locale: string): string {
  return cached(`num|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(value);
}
