import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Organisation } from '@kehittamo/shared/domain';
import { ProgressApi } from '../progress.api';
import { cells, ISO, KAINUU, permissions, report, text } from '../testing/fixtures';
import { ReportsPage } from './reports.page';

const organisations: Organisation[] = [
  { id: ISO, name: 'Itä-Suomen sosiaalialan osaamiskeskus', shortName: 'ISO', kind: 'main', memberCount: 3 },
  { id: KAINUU, name: 'Kainuun hyvinvointialue', shortName: 'Kainuu', kind: 'region', memberCount: 2 },
];

describe('ReportsPage', () => {
  let fixture: ComponentFixture<ReportsPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const byTestId = <T extends HTMLElement>(testId: string) => page.querySelector<T>(`[data-testid="${testId}"]`)!;
  async function choose(testId: string, value: string, event = 'change'): Promise<void> {
    const field = byTestId<HTMLSelectElement>(testId);
    field.value = value;
    field.dispatchEvent(new Event(event));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProgressApi] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReportsPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne('/api/progress/permissions').flush(permissions({ editableOrganisationIds: [KAINUU] }));
    backend.expectOne('/api/organisations').flush(organisations);
    backend
      .expectOne('/api/progress/reports')
      .flush([report({ status: 'returned' }), report({ id: 'r2', organisationId: KAINUU, organisationShortName: 'Kainuu', period: '2025-Q2', status: 'approved' })]);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('lists the reports with quarter, organisation, status in words and a link', () => {
    const rows = Array.from(page.querySelectorAll<HTMLElement>('[data-testid="report-row"]'));
    expect(rows.map((row) => row.dataset['reportId'])).toEqual(['r1', 'r2']);
    expect(cells(rows[0])).toMatch(/^2025-Q3 ISO ISO Palautettu 20\.9\.2025$/);
    expect(rows[1].querySelector('a')?.getAttribute('href')).toBe('/progress/reports/r2');
  });

  it('filters by organisation and status', async () => {
    await choose('report-filter-status', 'submitted');
    backend.expectOne((request) => request.url === '/api/progress/reports' && request.params.get('status') === 'submitted').flush([]);
    await fixture.whenStable();
    expect(text(page.querySelector('#report-list-heading + .progress-filters ~ p'))).toBe('Ei raportteja.');

    await choose('report-filter-organisation', ISO);
    const request = backend.expectOne((candidate) => candidate.url === '/api/progress/reports');
    expect(request.request.params.get('organisationId')).toBe(ISO);
    expect(request.request.params.get('status')).toBe('submitted');
    request.flush([]);
  });

  it('starts a report for the user’s own organisation and the current quarter, then opens it', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const organisation = byTestId<HTMLSelectElement>('report-new-organisation');
    expect(Array.from(organisation.options).map((option) => option.value)).toEqual([KAINUU]);
    const period = byTestId<HTMLSelectElement>('report-new-period');
    expect(period.options[0].value).toBe('2024-Q3');
    expect(period.options[period.options.length - 1].value).toBe('2026-Q4');

    await choose('report-new-period', '2025-Q4');
    byTestId<HTMLButtonElement>('report-new-save').click();
    await fixture.whenStable();
    const request = backend.expectOne({ method: 'POST', url: '/api/progress/reports' });
    expect(request.request.body).toEqual({ organisationId: KAINUU, period: '2025-Q4' });
    request.flush(report({ id: 'r9' }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/progress/reports', 'r9']);
  });
});
