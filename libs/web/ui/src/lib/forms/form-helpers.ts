import { afterNextRender, type Injector } from '@angular/core';
import type { AbstractControl, FormGroup, ValidatorFn } from '@angular/forms';
import type { ErrorDescription } from '@kehittamo/web/core';

/**
 * Puts the server's field errors on the matching controls, so they appear next to
 * the fields. `fieldToControl` maps API field names that differ from control names.
 * Returns true when at least one field was matched.
 */
export function applyServerErrors(
  form: FormGroup,
  description: ErrorDescription,
  fieldToControl: Readonly<Record<string, string>> = {},
): boolean {
  let matched = false;
  for (const { field, messages } of description.fields) {
    const control = form.get(fieldToControl[field] ?? field);
    if (!control) continue;
    control.setErrors({ ...control.errors, server: messages.join(' ') });
    control.markAsTouched();
    matched = true;
  }
  return matched;
}

/**
 * After a rejected submit, moves focus to the first invalid field so keyboard and
 * screen-reader users land on the problem (its message is linked to it).
 */
export function focusFirstInvalid(host: HTMLElement, injector: Injector): void {
  afterNextRender(
    () => host.querySelector<HTMLElement>('[aria-invalid="true"], .ng-invalid:is(input, select, textarea)')?.focus(),
    { injector },
  );
}

/** Valid when the control equals its sibling `otherName` (e.g. password confirmation). */
export function matchesSibling(otherName: string): ValidatorFn {
  return (control: AbstractControl) => {
    const other = control.parent?.get(otherName);
    return !other || other.value === control.value ? null : { mismatch: true };
  };
}
