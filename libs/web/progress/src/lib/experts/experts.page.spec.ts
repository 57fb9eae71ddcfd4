import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ExpertLedger } from '@kehittamo/shared/domain';
import { ProgressApi } from '../progress.api';
import { cells, permissions, text } from '../testing/fixtures';
import { ExpertsPage } from './experts.page';

const ledger: ExpertLedger = {
  from: '2025-07-01',
  to: '2025-09-30',
  rows: [
    { id: null, expertId: 'e1', displayName: 'Kettu', realName: 'Anna A.', organisationShortName: 'ISO', date: '2025-08-12', kind: 'workshop', description: 'Työpaja', hours: 2.5, travelCosts: 0 },
  ],
  totals: [{ expertId: 'e1', displayName: 'Kettu', realName: 'Anna A.', engagements: 1, hours: 2.5, travelCosts: 12.4 }],
};

describe('ExpertsPage', () => {
  let fixture: ComponentFixture<ExpertsPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const byTestId = <T extends HTMLElement>(testId: string) => page.querySelector<T>(`[data-testid="${testId}"]`)!;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 7, 15, 12));
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProgressApi] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ExpertsPage);
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => {
    backend.verify();
    vi.useRealTimers();
  });

  it('asks for nothing when the user is not a coordinator', async () => {
    await fixture.whenStable();
    backend.expectOne('/api/progress/permissions').flush(permissions());
    await fixture.whenStable();
    expect(text(byTestId('ledger-no-access'))).toBe('Vain koordinaattoreille.');
    backend.expectNone((request) => request.url.startsWith('/api/progress/expert-ledger'));
  });

  it('shows the quarter’s totals per expert with real names, the payroll CSV and enters a task', async () => {
    await fixture.whenStable();
    backend.expectOne('/api/progress/permissions').flush(permissions({ canManage: true }));
    await fixture.whenStable();
    const request = backend.expectOne((candidate) => candidate.url === '/api/progress/expert-ledger');
    expect(request.request.params.get('from')).toBe('2025-07-01');
    expect(request.request.params.get('to')).toBe('2025-09-30');
    request.flush(ledger);
    await fixture.whenStable();

    expect(Array.from(byTestId('ledger-table').querySelectorAll('tbody tr')).map((row) => cells(row))).toEqual(['Kettu Anna A. 1 2,5 12,40 €']);
    expect(byTestId('ledger-csv').getAttribute('href')).toBe('/api/progress/export/expert-ledger.csv?from=2025-07-01&to=2025-09-30');

    const set = (testId: string, value: string, event = 'input') => {
      const field = byTestId<HTMLInputElement | HTMLSelectElement>(testId);
      field.value = value;
      field.dispatchEvent(new Event(event));
    };
    set('ledger-expert', 'e1', 'change');
    set('ledger-description', 'Haastattelu');
    set('ledger-hours', '1.5');
    await fixture.whenStable();
    byTestId<HTMLButtonElement>('ledger-save').click();
    await fixture.whenStable();
    const post = backend.expectOne({ method: 'POST', url: '/api/progress/expert-ledger' });
    expect(post.request.body).toEqual({ expertId: 'e1', date: '2025-08-15', description: 'Haastattelu', hours: 1.5, travelCosts: 0 });
    post.flush(ledger.rows[0]);
    await fixture.whenStable();
    backend.expectOne((candidate) => candidate.url === '/api/progress/expert-ledger').flush(ledger);
  });
});
