import { inject, Pipe, PipeTransform } from '@angular/core';
import { I18nService } from '@kehittamo/web/core';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A size in the reader's number format, 1024-based: "1,5 Mt" (fi), "1,5 MB" (sv), "1.5 MB" (en). */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A whole percentage in the language's way: "40 %" (fi, sv), "40%" (en). */
export function formatPercent(percent: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}

/** `{{ file.size | fileSize }}` in the current language. */
@Pipe({ name: 'fileSize', pure: false })
export class FileSizePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(bytes: number | null | undefined): string {
    return bytes === null || bytes === undefined ? '' : formatBytes(bytes, this.i18n.locale());
  }
}

/** `{{ usage.views | count }}`: a whole number with the language's digit grouping ("1 234"). */
@Pipe({ name: 'count', pure: false })
export class CountPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: number): string {
    return new Intl.NumberFormat(this.i18n.locale()).format(value);
  }
}
