import { provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { ErrorDescription } from '@kehittamo/web/core';
import { FieldErrorPipe } from './field-error.pipe';
import { applyServerErrors, matchesSibling } from './form-helpers';

describe('form helpers', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), FieldErrorPipe] });
  });

  it('puts server field errors on the matching controls and reports unmatched ones', () => {
    const form = new FormGroup({ email: new FormControl('a@b.fi'), displayName: new FormControl('Kettu') });
    const description: ErrorDescription = {
      code: 'validation_failed',
      message: 'x',
      fields: [
        { field: 'email', messages: ['Tällä sähköpostiosoitteella on jo tili.'] },
        { field: 'nowhere', messages: ['ignored'] },
      ],
    };

    expect(applyServerErrors(form, description)).toBe(true);
    expect(form.controls.email.errors).toEqual({ server: 'Tällä sähköpostiosoitteella on jo tili.' });
    expect(form.controls.email.touched).toBe(true);
    expect(form.controls.displayName.errors).toBeNull();

    // Typing again clears the server's complaint, so the user is not stuck with it.
    form.controls.email.setValue('c@d.fi');
    expect(form.controls.email.errors).toBeNull();
  });

  it('explains client-side validation in the current language', () => {
    const pipe = TestBed.inject(FieldErrorPipe);
    const name = new FormControl('a', [Validators.minLength(2)]);
    const email = new FormControl('not-an-address', [Validators.email]);
    const form = new FormGroup({
      password: new FormControl('secret-one'),
      confirm: new FormControl('secret-two', [matchesSibling('password')]),
    });
    form.controls.confirm.updateValueAndValidity();

    expect(pipe.transform(name)).toBe('Kirjoita vähintään 2 merkkiä.');
    expect(pipe.transform(email)).toBe('Kirjoita sähköpostiosoite muodossa nimi@esimerkki.fi.');
    expect(pipe.transform(form.controls.confirm)).toBe('Salasanat eivät ole samat.');
    expect(pipe.transform(form.controls.password)).toBe('');
  });
});
