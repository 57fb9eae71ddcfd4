import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { COST_PERIOD_PATTERN, PROGRESS_LIMITS } from '@kehittamo/shared/domain';

/** A whole number 0–100, or `{ range }` (`required` is left to `Validators.required`). */
export function percentValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  const value = control.value;
  if (value === null || (value as unknown) === '') return null;
  return Number.isInteger(value) && value >= 0 && value <= 100 ? null : { range: true };
}

/** `YYYY-MM` with a real month, or `{ period }`; empty is left to `Validators.required`. */
export function periodValidator(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || COST_PERIOD_PATTERN.test(control.value) ? null : { period: true };
}

/**
 * Euros as typed, with a comma or a point before the cents and spaces between thousands:
 * "1 250,50" → 1250.5. Null when it is not a positive amount with at most two decimals.
 */
export function parseEuros(text: string): number | null {
  const normalised = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  const value = Number(normalised);
  return value > 0 && value <= PROGRESS_LIMITS.amountMax ? value : null;
}

/** An amount {@link parseEuros} accepts, or `{ amount }`. */
export function amountValidator(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value.trim() || parseEuros(control.value) !== null ? null : { amount: true };
}
