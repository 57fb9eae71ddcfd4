import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ExpertEngagementSummary, Indicator, Organisation } from '@kehittamo/shared/domain';
import { ProgressApi } from '../progress.api';
import { cells, indicator, ISO, KAINUU, permissions, text } from '../testing/fixtures';
import { IndicatorsPage } from './indicators.page';

const organisations: Organisation[] = [
  { id: ISO, name: 'Itä-Suomen sosiaalialan osaamiskeskus', shortName: 'ISO', kind: 'main', memberCount: 3 },
  { id: KAINUU, name: 'Kainuun hyvinvointialue', shortName: 'Kainuu', kind: 'region', memberCount: 2 },
];
const engagement: ExpertEngagementSummary = {
  quarters: [
    { period: '2025-Q1', suppressed: false, experts: 4, engagements: 9, hours: 22.5 },
    { period: '2025-Q2', suppressed: true, experts: null, engagements: null, hours: null },
  ],
};

describe('IndicatorsPage', () => {
  let fixture: ComponentFixture<IndicatorsPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const card = (id: string) => page.querySelector<HTMLElement>(`[data-testid="indicator-card"][data-indicator-id="${id}"]`)!;
  const byTestId = <T extends HTMLElement>(testId: string, within: ParentNode = page) => within.querySelector<T>(`[data-testid="${testId}"]`)!;

  async function open(indicators: Indicator[], editable: string[] = []): Promise<void> {
    await fixture.whenStable();
    backend.expectOne('/api/progress/permissions').flush(permissions({ editableOrganisationIds: editable }));
    backend.expectOne('/api/progress/indicators').flush(indicators);
    backend.expectOne('/api/progress/expert-engagement').flush(engagement);
    await fixture.whenStable();
    if (editable.length) {
      backend.expectOne('/api/organisations').flush(organisations);
      await fixture.whenStable();
    }
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProgressApi] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(IndicatorsPage);
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  it('shows each indicator against its target, where the values come from, and the CSV link', async () => {
    await open([indicator(), indicator({ id: 'i2', name: 'Pidetyt työpajat', unit: '', source: 'workshops-held', target: null, current: 7, totals: [], values: [] })]);

    const first = card('i1');
    expect(text(first.querySelector('h2'))).toBe('Koulutetut ammattilaiset');
    expect(text(byTestId('indicator-current', first))).toBe('12 / 40 henkilöä');
    expect(Array.from(first.querySelectorAll('dl > div')).map((figure) => cells(figure))).toEqual([
      'Yksikkö henkilöä',
      'Tavoite 40',
      'Lähtötaso 0',
      'Lähde Kirjattu',
    ]);
    expect(text(byTestId('indicator-current', card('i2')))).toBe('7');
    expect(cells(card('i2').querySelector('dl > div:last-child'))).toBe('Lähde Laskettu: pidetyt työpajat');
    expect(byTestId<HTMLAnchorElement>('csv-indicators').getAttribute('href')).toBe('/api/progress/export/indicators.csv');
    expect(byTestId('csv-indicators').hasAttribute('download')).toBe(true);
    // Nobody may enter values here.
    expect(page.querySelector('[data-testid="indicator-value-save"]')).toBeNull();
  });

  it('draws the totals as a sparkline named in words, with the values per quarter and organisation as a table', async () => {
    await open([indicator(), indicator({ id: 'i2', name: 'Tyhjä', totals: [], values: [] })]);

    const spark = byTestId('indicator-sparkline', card('i1'));
    expect(spark.getAttribute('role')).toBe('img');
    expect(spark.getAttribute('aria-label')).toBe('Koulutetut ammattilaiset neljänneksittäin: 2024-Q4 8, 2025-Q1 4.');
    expect(spark.querySelectorAll('circle')).toHaveLength(2);
    expect(byTestId('indicator-sparkline', card('i2')).getAttribute('aria-label')).toBe('Tyhjä: Ei arvoja.');

    const table = byTestId('indicator-table', card('i1'));
    expect(text(table.closest('details')?.querySelector('summary'))).toBe('Näytä taulukkona: Koulutetut ammattilaiset');
    expect(text(table.querySelector('caption'))).toBe('Koulutetut ammattilaiset (henkilöä)');
    expect(cells(table.querySelector('thead tr'))).toBe('Vuosineljännes ISO Kainuu Yhteensä');
    expect(Array.from(table.querySelectorAll('thead th')).every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect(Array.from(table.querySelectorAll('tbody tr')).map((row) => cells(row))).toEqual(['2024-Q4 5 3 8', '2025-Q1 4 – 4']);
    expect(table.querySelector('tbody th')?.getAttribute('scope')).toBe('row');
  });

  it('enters an organisation’s value for a quarter with PUT and shows the new figures', async () => {
    await open([indicator({ canEnter: true })], [ISO]);

    const form = card('i1');
    expect(byTestId<HTMLSelectElement>('indicator-value-organisation', form).value).toBe(ISO);
    const period = byTestId<HTMLSelectElement>('indicator-value-period', form);
    period.value = '2025-Q2';
    period.dispatchEvent(new Event('change'));
    const value = byTestId<HTMLInputElement>('indicator-value', form);
    value.value = '6';
    value.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    byTestId<HTMLButtonElement>('indicator-value-save', form).click();
    await fixture.whenStable();

    const request = backend.expectOne({ method: 'PUT', url: '/api/progress/indicators/i1/values' });
    expect(request.request.body).toEqual({ organisationId: ISO, period: '2025-Q2', value: 6 });
    request.flush(indicator({ canEnter: true, current: 18, totals: [...indicator().totals, { period: '2025-Q2', value: 6 }] }));
    await fixture.whenStable();

    expect(text(byTestId('indicator-current', card('i1')))).toBe('18 / 40 henkilöä');
    expect(text(page.querySelector('[data-testid="notice"]'))).toBe('Muutokset tallennettu.');
  });

  it('does not send an empty value', async () => {
    await open([indicator({ canEnter: true })], [ISO]);
    byTestId<HTMLButtonElement>('indicator-value-save', card('i1')).click();
    await fixture.whenStable();
    backend.expectNone('/api/progress/indicators/i1/values');
    expect(text(byTestId('indicator-value', card('i1')).closest('mat-form-field')?.querySelector('mat-error'))).toBe('Tämä tieto tarvitaan.');
  });

  it('shows the experts’ participation per quarter and says when figures are hidden for privacy', async () => {
    await open([]);
    const rows = Array.from(byTestId('engagement-table').querySelectorAll('tbody tr'));
    expect(rows.map((row) => cells(row))).toEqual(['2025-Q1 4 9 22,5', '2025-Q2 Luvut piilotettu yksityisyyden suojaamiseksi.']);
    expect(text(page.querySelector('#engagement-heading'))).toBe('Kokemusasiantuntijoiden osallistuminen');
  });
});
