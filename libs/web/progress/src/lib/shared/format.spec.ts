import { FormControl } from '@angular/forms';
import { formatEuros, formatMonth, formatPercent } from './format';
import { parseEuros, percentValidator, periodValidator } from './validators';

const plain = (value: string) => value.replace(/\s/g, ' ');

describe('progress formats', () => {
  it('writes euros the way each language does', () => {
    expect(plain(formatEuros(439_685, 'fi-FI'))).toBe('439 685 €');
    expect(plain(formatEuros(439_685, 'sv-FI'))).toBe('439 685 €');
    expect(formatEuros(439_685, 'en-GB')).toBe('€439,685');
    expect(plain(formatEuros(1250.5, 'fi-FI', true))).toBe('1 250,50 €');
    expect(plain(formatEuros(300, 'fi-FI', true))).toBe('300 €');
    expect(plain(formatPercent(26.1, 'fi-FI', 1))).toBe('26,1 %');
    expect(formatMonth('2025-03', 'fi-FI')).toBe('3.2025');
  });

  it('reads euros typed with a comma or a point and spaces, and refuses anything else', () => {
    expect(parseEuros('1 250,50')).toBe(1250.5);
    expect(parseEuros('1250.5 €')).toBe(1250.5);
    expect(parseEuros('12,345')).toBeNull();
    expect(parseEuros('0')).toBeNull();
    expect(parseEuros('-5')).toBeNull();
    expect(parseEuros('1e3')).toBeNull();
  });

  it('accepts a real month as YYYY-MM and a whole % from 0 to 100', () => {
    expect(periodValidator(new FormControl('2025-03', { nonNullable: true }))).toBeNull();
    expect(periodValidator(new FormControl('2025-13', { nonNullable: true }))).toEqual({ period: true });
    expect(periodValidator(new FormControl('3/2025', { nonNullable: true }))).toEqual({ period: true });
    expect(percentValidator(new FormControl<number | null>(100))).toBeNull();
    expect(percentValidator(new FormControl<number | null>(101))).toEqual({ range: true });
    expect(percentValidator(new FormControl<number | null>(12.5))).toEqual({ range: true });
  });
});
