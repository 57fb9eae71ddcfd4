import { inject, Pipe, PipeTransform } from '@angular/core';
import { I18nService } from '@kehittamo/web/core';

/**
 * A workshop's time as one range in the current language, e.g. "12.3.2026 klo 9.00–11.00":
 * `{{ workshop.startsAt | workshopTime: workshop.endsAt }}`. Intl writes the date once when
 * both ends are on the same day.
 */
@Pipe({ name: 'workshopTime', pure: false })
export class WorkshopTimePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(startsAt: string | null | undefined, endsAt: string | null | undefined): string {
    if (!startsAt) return '';
    const start = new Date(startsAt);
    const end = endsAt ? new Date(endsAt) : null;
    if (Number.isNaN(start.getTime())) return startsAt;
    const format = formatter(this.i18n.locale());
    if (!end || Number.isNaN(end.getTime()) || end < start) return format.format(start);
    return format.formatRange(start, end);
  }
}

// Impure pipes run on every check; building an Intl formatter each time would be wasteful.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string): Intl.DateTimeFormat {
  let cached = formatters.get(locale);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(locale, cached);
  }
  return cached;
}
