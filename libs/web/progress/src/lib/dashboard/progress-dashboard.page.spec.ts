import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ProgressApi } from '../progress.api';
import { budget, cells, KAINUU, permissions, task, text, workPackage } from '../testing/fixtures';
import { ProgressDashboardPage } from './progress-dashboard.page';

const packages = [
  workPackage({
    id: 'wp1',
    code: 'TP1',
    name: 'Monialainen tiimi',
    percent: 55,
    statusCounts: { 'not-started': 0, 'on-track': 3, 'at-risk': 1, delayed: 1, done: 2 },
    overdue: 1,
    tasks: [
      task({ id: 'late', workPackageCode: 'TP1', title: 'Tiimin pilotti', dueOn: '2025-01-31', status: 'delayed', overdue: true }),
      task({ id: 'ok', workPackageCode: 'TP1', title: 'Koulutus' }),
    ],
  }),
  workPackage({
    code: 'TP4',
    tasks: [
      task({
        id: 'late-2',
        kind: 'milestone',
        title: 'Rakenne hyväksytty',
        organisationId: KAINUU,
        organisationShortName: 'Kainuu',
        dueOn: '2024-12-15',
        overdue: true,
      }),
    ],
  }),
];

describe('ProgressDashboardPage', () => {
  let fixture: ComponentFixture<ProgressDashboardPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProgressApi] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProgressDashboardPage);
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  async function open(canSeeBudget: boolean): Promise<void> {
    await fixture.whenStable();
    backend.expectOne('/api/progress/permissions').flush(permissions({ canSeeBudget }));
    backend.expectOne('/api/progress/work-packages').flush(packages);
    await fixture.whenStable();
  }

  it('shows a card per work package with its % in words, its status counts and what is overdue', async () => {
    await open(false);

    expect(text(page.querySelector('h1'))).toBe('Miten hanke etenee?');
    const cards = Array.from(page.querySelectorAll<HTMLElement>('[data-testid="progress-wp-card"]'));
    expect(cards.map((card) => card.dataset['code'])).toEqual(['TP1', 'TP4']);
    const first = cards[0];
    expect(first.querySelector('h3 a')?.getAttribute('href')).toBe('/progress/work-packages/TP1');
    expect(text(first)).toContain('55 % valmis');
    expect(text(first)).toContain('3 ajallaan · 1 riskissä · 1 myöhässä · 2 valmis');
    expect(text(first)).toContain('Yli määräajan: 1');
    expect(text(cards[1])).toContain('Ei tehtäviä.');

    // Overdue tasks and milestones of all packages, the longest overdue first.
    const rows = Array.from(page.querySelectorAll('[data-testid="progress-overdue"] tbody tr'));
    expect(rows.map((row) => cells(row))).toEqual([
      'Rakenne hyväksytty (Välitavoite) Kainuu 15.12.2024 TP4',
      'Tiimin pilotti (Tehtävä) ISO 31.1.2025 TP1',
    ]);
  });

  it('does not ask for the budget when the user may not see it (experience experts)', async () => {
    await open(false);

    backend.expectNone('/api/progress/budget');
    expect(page.querySelector('[data-testid="progress-budget-summary"]')).toBeNull();
    expect(page.querySelector('[data-testid="funder-report-pdf"]')).toBeNull();
  });

  it('links to the other progress pages', async () => {
    await open(false);
    const links = Array.from(page.querySelectorAll('nav a')).map((link) => [link.getAttribute('href'), text(link)]);
    expect(links).toEqual([
      ['/progress', 'Yleiskuva'],
      ['/progress/timeline', 'Aikajana'],
      ['/progress/reports', 'Raportit'],
      ['/progress/indicators', 'Mittarit'],
      ['/progress/budget', 'Budjetti'],
    ]);
    expect(page.querySelector('nav')?.getAttribute('aria-label')).toBe('Hankkeen seuranta');
  });

  it('sums up the budget for staff and says in words when the forecast goes over it', async () => {
    await open(true);
    backend.expectOne('/api/progress/budget').flush(budget());
    await fixture.whenStable();

    const summary = page.querySelector('[data-testid="progress-budget-summary"]');
    expect(summary?.querySelector('h2 a')?.getAttribute('href')).toBe('/progress/budget');
    expect(Array.from(summary?.querySelectorAll('dl > div') ?? []).map((figure) => cells(figure))).toEqual([
      'Nettokulut 1 035 866 €',
      'Toteutunut 270 001 €',
      'Käytetty 26,1 %',
      'Ennuste 1 100 000 €',
    ]);
    expect(text(page.querySelector('[data-testid="progress-budget-overrun"]'))).toBe('Ennuste on 64 134 € yli budjetin.');
    // Staff may download the funder report (nothing is fetched before they ask).
    expect(page.querySelector('[data-testid="funder-report-pdf"]')).not.toBeNull();
    expect(page.querySelector('[data-testid="funder-report-docx"]')).not.toBeNull();
  });
});
