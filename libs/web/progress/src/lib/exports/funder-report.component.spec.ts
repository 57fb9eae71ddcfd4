import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ProgressApi } from '../progress.api';
import { text } from '../testing/fixtures';
import { FunderReportComponent } from './funder-report.component';

describe('FunderReportComponent', () => {
  let fixture: ComponentFixture<FunderReportComponent>;
  let page: HTMLElement;
  let backend: HttpTestingController;
  let clicked: HTMLAnchorElement[];

  const byTestId = <T extends HTMLElement>(testId: string) => page.querySelector<T>(`[data-testid="${testId}"]`)!;
  const settle = async () => {
    // The error body is read from a Blob asynchronously.
    for (let round = 0; round < 5; round++) await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 7, 15, 12));
    localStorage.clear();
    clicked = [];
    URL.createObjectURL = vi.fn(() => 'blob:report');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), ProgressApi] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FunderReportComponent);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('defaults to the current quarter and offers every quarter of the project', () => {
    const period = byTestId<HTMLSelectElement>('funder-report-period');
    expect(period.value).toBe('2025-Q3');
    expect(period.options).toHaveLength(10);
    expect(text(page.querySelector('label[for="funder-report-period"]'))).toBe('Vuosineljännes');
    expect(text(page.querySelector('h2'))).toBe('Rahoittajan raportti');
  });

  it('says politely that the report is being put together, then downloads it for the chosen quarter', async () => {
    const period = byTestId<HTMLSelectElement>('funder-report-period');
    period.value = '2025-Q2';
    period.dispatchEvent(new Event('change'));
    byTestId<HTMLButtonElement>('funder-report-docx').click();
    await fixture.whenStable();

    const status = byTestId('funder-report-status');
    expect(status.getAttribute('role')).toBe('status');
    expect(text(status)).toBe('Raporttia kootaan…');
    expect(byTestId('funder-report-pdf').getAttribute('aria-disabled')).toBe('true');
    // A second click while busy sends nothing.
    byTestId<HTMLButtonElement>('funder-report-pdf').click();

    const request = backend.expectOne((candidate) => candidate.url === '/api/progress/export/funder-report.docx');
    expect(request.request.params.get('period')).toBe('2025-Q2');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['docx']));
    await settle();

    expect(text(status)).toBe('Raportti ladattu.');
    expect(byTestId('funder-report-pdf').getAttribute('aria-disabled')).toBe('false');
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('rahoittajaraportti-2025-Q2.docx');
    expect(clicked[0].getAttribute('href')).toBe('blob:report');
  });

  it('shows the server’s error from inside the blob', async () => {
    byTestId<HTMLButtonElement>('funder-report-pdf').click();
    await fixture.whenStable();
    const request = backend.expectOne((candidate) => candidate.url === '/api/progress/export/funder-report.pdf');
    expect(request.request.params.get('period')).toBe('2025-Q3');
    request.flush(new Blob([JSON.stringify({ statusCode: 403, code: 'forbidden', message: 'Forbidden' })]), {
      status: 403,
      statusText: 'Forbidden',
    });
    await settle();

    expect(text(page.querySelector('kh-error-message'))).toContain('Sinulla ei ole oikeutta tähän toimintoon.');
    expect(text(byTestId('funder-report-status'))).toBe('');
    expect(clicked).toHaveLength(0);
  });
});
