import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ProgressPermissions } from '@kehittamo/shared/domain';
import { I18nService } from '@kehittamo/web/core';
import { ProgressApi } from '../progress.api';
import { budget, cells, cost, ISO, KAINUU, permissions, text } from '../testing/fixtures';
import { BudgetPage } from './budget.page';

describe('BudgetPage', () => {
  let fixture: ComponentFixture<BudgetPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const byTestId = <T extends HTMLElement>(testId: string, within: ParentNode = page) => within.querySelector<T>(`[data-testid="${testId}"]`)!;
  async function change(testId: string, value: string, event = 'input'): Promise<void> {
    const field = byTestId<HTMLInputElement | HTMLSelectElement>(testId);
    field.value = value;
    field.dispatchEvent(new Event(event));
    await fixture.whenStable();
  }

  async function open(rights: ProgressPermissions): Promise<void> {
    await fixture.whenStable();
    backend.expectOne('/api/progress/permissions').flush(rights);
    await fixture.whenStable();
    if (!rights.canSeeBudget) return;
    backend.expectOne('/api/progress/budget').flush(budget());
    backend.expectOne('/api/progress/costs').flush([cost(), cost({ id: 'c2', organisationId: KAINUU, organisationShortName: 'Kainuu', amount: 300, note: '' })]);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProgressApi] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BudgetPage);
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  it('tells experience experts politely that the budget is not shown, without asking for it', async () => {
    await open(permissions({ canSeeBudget: false }));

    expect(text(byTestId('budget-no-access'))).toBe('Budjetti näkyy vain henkilöstölle.');
    backend.expectNone('/api/progress/budget');
    backend.expectNone((request) => request.url.startsWith('/api/progress/costs'));
    expect(page.querySelector('[data-testid="budget-table"]')).toBeNull();
  });

  it('shows each organisation and the total in euros the Finnish way, and says when the forecast goes over', async () => {
    await open(permissions());

    const iso = page.querySelector(`[data-testid="budget-row"][data-organisation-id="${ISO}"]`);
    expect(cells(iso)).toBe(
      'Itä-Suomen sosiaalialan osaamiskeskus 439 685 € 87 937 € 351 748 € 120 001 € 319 685 € 27,3 % 10 000 € 320 001 €',
    );
    const headers = Array.from(page.querySelectorAll('[data-testid="budget-table"] thead th')).map((th) => th.getAttribute('scope'));
    expect(headers.every((scope) => scope === 'col')).toBe(true);
    expect(cells(byTestId('budget-total'))).toContain('Yhteensä 1 035 866 €');
    expect(byTestId('csv-budget').getAttribute('href')).toBe('/api/progress/export/budget.csv');
    expect(byTestId('csv-costs').getAttribute('href')).toBe('/api/progress/export/costs.csv');
    expect(byTestId('csv-costs').hasAttribute('download')).toBe(true);
    expect(byTestId('funder-report-period')).not.toBeNull();
    expect(text(byTestId('budget-overrun'))).toBe('Ennuste on 64 134 € yli budjetin.');

    // The scrolling region around the wide table is named and reachable from the keyboard.
    const region = byTestId('budget-table').closest('[role="region"]');
    expect(region?.getAttribute('tabindex')).toBe('0');
    expect(region?.getAttribute('aria-labelledby')).toBe('budget-caption');
  });

  it('switches the euro format with the language', async () => {
    await open(permissions());
    TestBed.inject(I18nService).setLanguage('en');
    await fixture.whenStable();
    expect(cells(byTestId('budget-total'))).toContain('Total €1,035,866');
  });

  it('draws the burn chart with a text alternative and the same numbers as a table', async () => {
    await open(permissions());

    const chart = byTestId('budget-chart');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')?.replace(/\s/g, ' ')).toBe('Kulujen kertymä 9.2024: toteutunut 270 001 €, suunniteltu 70 000 €.');
    expect(chart.querySelectorAll('polyline')).toHaveLength(2);

    const table = byTestId('budget-chart-table');
    expect(text(table.closest('details')?.querySelector('summary'))).toBe('Näytä taulukkona');
    expect(text(table.querySelector('caption'))).toBe('Kulujen kertymä');
    expect(Array.from(table.querySelectorAll('tbody tr')).map((tr) => cells(tr))).toEqual([
      '8.2024 90 000 € 90 000 € 35 000 €',
      '9.2024 180 001 € 270 001 € 70 000 €',
    ]);
  });

  it('lists the costs with cents and lets the user delete only their own organisation’s', async () => {
    await open(permissions({ editableOrganisationIds: [ISO] }));

    const rows = Array.from(page.querySelectorAll<HTMLElement>('[data-testid="cost-row"]'));
    expect(rows.map((row) => cells(row).replace(/ Poista$/, ''))).toEqual(['9.2024 ISO Henkilöstö 1 250,50 € Palkat', '9.2024 Kainuu Henkilöstö 300 € –']);
    expect(byTestId('cost-delete', rows[1])).toBeNull();

    byTestId<HTMLButtonElement>('cost-delete', rows[0]).click();
    await fixture.whenStable();
    byTestId<HTMLButtonElement>('cost-delete-confirm', rows[0]).click();
    backend.expectOne({ method: 'DELETE', url: '/api/progress/costs/c1' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(page.querySelectorAll('[data-testid="cost-row"]')).toHaveLength(1);
    backend.expectOne('/api/progress/budget').flush(budget());
    backend.expectOne('/api/progress/costs').flush([]);
  });

  it('checks the month and the amount before entering a cost, then posts it', async () => {
    await open(permissions({ editableOrganisationIds: [ISO] }));
    expect(byTestId<HTMLSelectElement>('cost-organisation').value).toBe(ISO);

    await change('cost-period', '2025-13');
    await change('cost-amount', '12,345');
    byTestId<HTMLButtonElement>('cost-save').click();
    await fixture.whenStable();

    const period = byTestId('cost-period');
    const periodError = period.closest('mat-form-field')?.querySelector('mat-error');
    // A browser with a month picker empties an impossible month; one without shows the format.
    expect(['Tämä tieto tarvitaan.', 'Muodossa VVVV-KK, esim. 2025-03']).toContain(text(periodError));
    expect(period.getAttribute('aria-describedby')).toContain(periodError?.id);
    expect(text(byTestId('cost-amount').closest('mat-form-field')?.querySelector('mat-error'))).toBe('Tarkista tämä tieto.');
    expect(document.activeElement).toBe(period);
    backend.expectNone({ method: 'POST', url: '/api/progress/costs' });

    await change('cost-period', '2025-03');
    await change('cost-category', 'travel', 'change');
    await change('cost-amount', '1 250,50');
    await change('cost-note', ' Junaliput ');
    byTestId<HTMLButtonElement>('cost-save').click();

    const post = backend.expectOne({ method: 'POST', url: '/api/progress/costs' });
    expect(post.request.body).toEqual({ organisationId: ISO, period: '2025-03', category: 'travel', amount: 1250.5, note: 'Junaliput' });
    post.flush(cost({ id: 'c3', period: '2025-03', category: 'travel' }), { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(byTestId<HTMLInputElement>('cost-amount').value).toBe('');
    expect(byTestId<HTMLInputElement>('cost-period').value).toBe('2025-03');
    expect(text(byTestId('notice'))).toBe('Muutokset tallennettu.');
    backend.expectOne('/api/progress/budget').flush(budget());
    backend.expectOne('/api/progress/costs').flush([]);
  });

  it('shows the server’s complaint about the month next to the month', async () => {
    await open(permissions({ editableOrganisationIds: [ISO] }));
    await change('cost-period', '2023-01');
    await change('cost-amount', '100');
    byTestId<HTMLButtonElement>('cost-save').click();
    backend.expectOne({ method: 'POST', url: '/api/progress/costs' }).flush(
      { statusCode: 400, code: 'validation_failed', message: 'Validation failed', fields: [{ field: 'period', problems: ['period must be within the project'] }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(text(byTestId('cost-period').closest('mat-form-field')?.querySelector('mat-error'))).toBe('Tarkista tämä tieto.');
    expect(text(byTestId('error-message'))).toBe('Joissakin tiedoissa on korjattavaa. Tarkista merkityt kohdat.');
  });
});
