import { inject, Pipe, PipeTransform } from '@angular/core';
import { I18nService } from './i18n.service';

const FORMATS = {
  date: { dateStyle: 'medium' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * Formats an ISO timestamp in the current language with `Intl`, so no Angular
 * locale data has to be bundled: `{{ invitation.expiresAt | dateTime }}`.
 */
@Pipe({ name: 'dateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: string | null | undefined, format: keyof typeof FORMATS = 'dateTime'): string {
    if (!value) return '';
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return formatter(this.i18n.locale(), format).format(date);
  }
}

// Impure pipes run on every check; building an Intl formatter each time would be wasteful.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, format: keyof typeof FORMATS): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${format}`;
  let cached = formatters.get(cacheKey);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, FORMATS[format]);
    formatters.set(cacheKey, cached);
  }
  return cached;
}
