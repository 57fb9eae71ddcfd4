import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProgressReport } from '@kehittamo/shared/domain';
import { ProgressApi } from '../progress.api';
import { ISO, permissions, report, text, validationFailed } from '../testing/fixtures';
import { ReportPage } from './report.page';

describe('ReportPage', () => {
  let fixture: ComponentFixture<ReportPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const byTestId = <T extends HTMLElement>(testId: string, within: ParentNode = page) => within.querySelector<T>(`[data-testid="${testId}"]`)!;
  const errorOf = (testId: string) => text(byTestId(testId).closest('mat-form-field')?.querySelector('mat-error'));
  async function type(testId: string, value: string): Promise<void> {
    const field = byTestId<HTMLTextAreaElement>(testId);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  async function click(testId: string): Promise<void> {
    byTestId<HTMLButtonElement>(testId).click();
    await fixture.whenStable();
  }

  async function open(shown: ProgressReport, canManage = false): Promise<void> {
    fixture.componentRef.setInput('id', shown.id);
    await fixture.whenStable();
    backend.expectOne('/api/progress/permissions').flush(permissions({ canManage, editableOrganisationIds: [ISO] }));
    backend.expectOne('/api/progress/reports/r1').flush(shown);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProgressApi] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReportPage);
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  it('saves the sections of a draft with PATCH', async () => {
    await open(report({ canEdit: true, done: 'Pilotti alkoi.' }));

    expect(text(page.querySelector('h1'))).toBe('Raportti 2025-Q3: ISO');
    expect(text(byTestId('report-status'))).toBe('Tila: Luonnos');
    expect(byTestId<HTMLTextAreaElement>('report-done').value).toBe('Pilotti alkoi.');
    await type('report-next', 'Koulutukset.');
    await click('report-save');

    const request = backend.expectOne({ method: 'PATCH', url: '/api/progress/reports/r1' });
    expect(request.request.body).toEqual({ done: 'Pilotti alkoi.', next: 'Koulutukset.', risks: '', support: '' });
    request.flush(report({ canEdit: true, done: 'Pilotti alkoi.', next: 'Koulutukset.' }));
    await fixture.whenStable();
    expect(text(page.querySelector('[data-testid="notice"]'))).toBe('Muutokset tallennettu.');
  });

  it('marks the sections the server says are empty when submitting', async () => {
    await open(report({ canEdit: true }));

    await click('report-submit');
    backend.expectOne({ method: 'POST', url: '/api/progress/reports/r1/submit' }).flush(validationFailed('done', 'next'), {
      status: 400,
      statusText: 'Bad Request',
    });
    await fixture.whenStable();

    expect(errorOf('report-done')).toBe('Kirjoita tämä ennen lähettämistä.');
    expect(errorOf('report-next')).toBe('Kirjoita tämä ennen lähettämistä.');
    expect(errorOf('report-risks')).toBe('');
    expect(byTestId('report-done').getAttribute('aria-invalid')).toBe('true');
    expect(text(page.querySelector('[data-testid="error-message"]'))).toContain('Tarkista merkityt kohdat');
  });

  it('saves unsaved changes before submitting, then shows the new status', async () => {
    await open(report({ canEdit: true }));
    await type('report-done', 'Tehty.');
    await click('report-submit');

    backend.expectOne({ method: 'PATCH', url: '/api/progress/reports/r1' }).flush(report({ canEdit: true, done: 'Tehty.' }));
    backend.expectOne({ method: 'POST', url: '/api/progress/reports/r1/submit' }).flush(report({ status: 'submitted', done: 'Tehty.' }));
    await fixture.whenStable();

    expect(text(byTestId('report-status'))).toBe('Tila: Lähetetty');
    expect(page.querySelector('[data-testid="report-submit"]')).toBeNull();
    expect(text(byTestId('report-done'))).toBe('Tehty.');
  });

  it('requires a comment when the coordinator returns a report', async () => {
    await open(report({ status: 'submitted', canDecide: true, done: 'Tehty.' }), true);

    expect(byTestId('report-done').tagName).toBe('P');
    await click('report-return');
    backend.expectNone('/api/progress/reports/r1/decision');
    expect(errorOf('report-decision-comment')).toBe('Tämä tieto tarvitaan.');

    await type('report-decision-comment', 'Lisää riskit.');
    await click('report-return');
    const request = backend.expectOne({ method: 'POST', url: '/api/progress/reports/r1/decision' });
    expect(request.request.body).toEqual({ decision: 'return', comment: 'Lisää riskit.' });
    request.flush(
      report({
        status: 'returned',
        coordinatorComment: 'Lisää riskit.',
        canEdit: false,
        history: [
          { action: 'submitted', actorName: 'Kirsi K.', comment: '', at: '2025-09-20T10:00:00.000Z' },
          { action: 'returned', actorName: 'Koordinaattori', comment: 'Lisää riskit.', at: '2025-09-21T10:00:00.000Z' },
        ],
      }),
    );
    await fixture.whenStable();

    expect(text(byTestId('report-status'))).toBe('Tila: Palautettu');
    const comment = byTestId('report-coordinator-comment');
    expect(text(comment.querySelector('h2'))).toBe('Koordinaattorin kommentti');
    expect(text(comment)).toContain('Lisää riskit.');
    const history = Array.from(byTestId('report-history').querySelectorAll('li')).map((item) => text(item));
    expect(history[1]).toMatch(/^Palautettu · Koordinaattori · 21\.9\.2025.*Lisää riskit\.$/);
    expect(page.querySelector('[data-testid="report-approve"]')).toBeNull();
  });

  it('approves a submitted report', async () => {
    await open(report({ status: 'submitted', canDecide: true }), true);

    await click('report-approve');
    const request = backend.expectOne({ method: 'POST', url: '/api/progress/reports/r1/decision' });
    expect(request.request.body).toEqual({ decision: 'approve', comment: '' });
    request.flush(report({ status: 'approved' }));
    await fixture.whenStable();

    expect(text(byTestId('report-status'))).toBe('Tila: Hyväksytty');
    expect(text(page.querySelector('[data-testid="notice"]'))).toBe('Tila: Hyväksytty');
  });
});
