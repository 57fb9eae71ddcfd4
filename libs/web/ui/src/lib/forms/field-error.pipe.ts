import { inject, Pipe, PipeTransform } from '@angular/core';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { I18nService } from '@kehittamo/web/core';

/**
 * The first problem of a form control as a sentence, for `<mat-error>` (which Material
 * links to the control with aria-describedby): `{{ form.controls.email | fieldError }}`.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(control: AbstractControl | null | undefined): string {
    const errors: ValidationErrors | null | undefined = control?.errors;
    if (!errors) return '';
    const t = this.i18n;
    if (typeof errors['server'] === 'string') return errors['server'];
    if (errors['required']) return t.translate('validation.required');
    if (errors['email']) return t.translate('validation.email');
    if (errors['minlength']) return t.translate('validation.minLength', { min: errors['minlength'].requiredLength });
    if (errors['maxlength']) return t.translate('validation.maxLength', { max: errors['maxlength'].requiredLength });
    if (errors['mismatch']) return t.translate('validation.mismatch');
    return t.translate('validation.checkField');
  }
}
