import { provideHttpClient } from '@angular/common/http';
import { ElementRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { Subject, throwError } from 'rxjs';
import { formSubmission } from './form-submission';

describe('formSubmission', () => {
  const setup = () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), { provide: ElementRef, useValue: new ElementRef(document.createElement('form')) }],
    });
    const form = new FormGroup({ title: new FormControl('', [Validators.required]) });
    return { form, submission: TestBed.runInInjectionContext(() => formSubmission(form)) };
  };

  it('does not send an invalid form and shows its errors', () => {
    const { form, submission } = setup();
    let sent = false;
    submission.submit(
      () => {
        sent = true;
        return new Subject<void>();
      },
      { done: () => undefined },
    );
    expect(sent).toBe(false);
    expect(form.controls.title.touched).toBe(true);
    expect(submission.busy()).toBe(false);
  });

  it('is busy while the request runs, refuses a second submit meanwhile, and hands over the answer', () => {
    const { form, submission } = setup();
    form.controls.title.setValue('Työpaja');
    const answer = new Subject<string>();
    let requests = 0;
    const received: string[] = [];
    const send = () => submission.submit(() => (requests++, answer), { done: (value) => received.push(value) });
    send();
    send();
    expect(requests).toBe(1);
    expect(submission.busy()).toBe(true);
    answer.next('ok');
    expect(received).toEqual(['ok']);
    expect(submission.busy()).toBe(false);
  });

  it('keeps the failure and puts the server’s field errors on the controls', () => {
    const { form, submission } = setup();
    form.controls.title.setValue('x');
    const failure = { statusCode: 400, code: 'validation_failed', message: 'invalid', fields: [{ field: 'title', problems: ['title must be longer than or equal to 2 characters'] }] };
    submission.submit(() => throwError(() => failure), { done: () => undefined });
    expect(submission.busy()).toBe(false);
    expect(submission.error()).toBe(failure);
    expect(form.controls.title.errors?.['server']).toBeTruthy();
  });
});
