import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ProgressApi } from '../progress.api';
import { cells, permissions, task, text, workPackage } from '../testing/fixtures';
import { position, TimelinePage } from './timeline.page';

const packages = [
  workPackage({
    id: 'wp1',
    code: 'TP1',
    name: 'Monialainen tiimi',
    tasks: [
      task({ id: 'pilot', workPackageCode: 'TP1', title: 'Monialaisen tiimin pilotti', startsOn: '2025-01-01', dueOn: '2026-06-30', percent: 55 }),
      task({ id: 'sub', workPackageCode: 'TP1', parentId: 'pilot', title: 'Kouluttajat', dueOn: '2025-03-31', status: 'delayed', percent: 10 }),
      task({ id: 'ms', workPackageCode: 'TP1', kind: 'milestone', title: 'Pilotti arvioitu', dueOn: '2026-06-30', status: 'not-started', percent: 0 }),
    ],
  }),
  workPackage({ tasks: [task({ id: 'tp4', startsOn: '2024-08-01', dueOn: '2024-12-31', status: 'done', percent: 100 })] }),
];

describe('TimelinePage', () => {
  let fixture: ComponentFixture<TimelinePage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const bar = (id: string) => page.querySelector<HTMLElement>(`[data-testid="timeline-bar"][data-task-id="${id}"]`)!;
  const label = (id: string) => bar(id).getAttribute('aria-label')?.replace(/\s/g, ' ');

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2025, 9, 1, 12));
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProgressApi] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TimelinePage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne('/api/progress/permissions').flush(permissions());
    backend.expectOne('/api/progress/work-packages').flush(packages);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    vi.useRealTimers();
  });

  it('gives every bar an accessible name with dates, status and % and links it to its work package', () => {
    const bars = Array.from(page.querySelectorAll<HTMLElement>('[data-testid="timeline-bar"]'));
    expect(bars.map((element) => element.dataset['taskId'])).toEqual(['pilot', 'sub', 'ms', 'tp4']);
    expect(label('pilot')).toBe('TP1 Monialaisen tiimin pilotti, 1.1.2025–30.6.2026, ajallaan, 55 %');
    expect(label('sub')).toBe('TP1 Kouluttajat, 31.3.2025, myöhässä, 10 %');
    expect(label('ms')).toBe('TP1 Välitavoite: Pilotti arvioitu, 30.6.2026, ei aloitettu, 0 %');
    expect(bar('pilot').tagName).toBe('A');
    expect(bar('pilot').getAttribute('href')).toBe('/progress/work-packages/TP1');
    expect(bar('tp4').getAttribute('href')).toBe('/progress/work-packages/TP4');
    // Status shown by pattern (class) and in words beside the bar, not by colour alone.
    expect(bar('sub').classList).toContain('timeline__bar--delayed');
    expect(text(bar('sub').closest('li')?.querySelector('.timeline__status'))).toBe('Myöhässä');
    expect(bar('ms').classList).toContain('timeline__bar--milestone');
  });

  it('places bars from start to due date on the project’s scale', () => {
    expect(position('2024-08-01')).toBe(0);
    expect(position('2027-01-01')).toBe(100);
    expect(bar('tp4').style.left).toBe('0%');
    const pilot = bar('pilot');
    expect(parseFloat(pilot.style.left)).toBeCloseTo(position('2025-01-01'), 2);
    expect(parseFloat(pilot.style.width)).toBeCloseTo(position('2026-06-30') - position('2025-01-01'), 1);
    // 153 of 883 days.
    expect(position('2025-01-01')).toBeCloseTo((153 / 883) * 100, 1);
  });

  it('draws today’s line where today falls', () => {
    const today = page.querySelector<HTMLElement>('[data-testid="timeline-today"]')!;
    // 1.10.2025 is day 426 of the project's 883 days.
    expect(parseFloat(today.style.left)).toBeCloseTo((426 / 883) * 100, 1);
    expect(text(today)).toBe('Tänään 1.10.2025');
  });

  it('lists every task and milestone in the table alternative', () => {
    const table = page.querySelector('[data-testid="timeline-table"]')!;
    expect(text(table.querySelector('caption'))).toBe('Aikajana taulukkona');
    const rows = Array.from(table.querySelectorAll('tbody tr'));
    expect(rows.map((row) => row.getAttribute('data-task-id'))).toEqual(['pilot', 'sub', 'ms', 'tp4']);
    expect(cells(rows[0])).toBe('Monialaisen tiimin pilotti TP1 Tehtävä ISO 1.1.2025 30.6.2026 Ajallaan 55 %');
    expect(cells(rows[2])).toBe('Pilotti arvioitu TP1 Välitavoite ISO – 30.6.2026 Ei aloitettu 0 %');
    // The wide chart scrolls inside a named, focusable region.
    const region = page.querySelector('[data-testid="timeline"]')?.closest('[role="region"]');
    expect(region?.getAttribute('tabindex')).toBe('0');
    expect(region?.getAttribute('aria-labelledby')).toBe('timeline-heading');
  });
});
