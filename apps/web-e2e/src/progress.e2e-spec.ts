import type { BudgetOverview, Organisation, ProgressReport, WorkPackageProgress } from '@kehittamo/shared/domain';
import { ApiSession } from '@kehittamo/server/testing';
import { inject } from 'vitest';
import { expectNoAxeViolations, login, openBrowser, waitForHeading, type Browser } from './support/browser';

const baseUrl = inject('baseUrl');
const COORDINATOR = 'coordinator@demo.kehittamo.fi';
const DEVELOPER = 'developer@demo.kehittamo.fi';
const EXPERT = 'expert@demo.kehittamo.fi';

describe('project management view in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('lets the coordinator review the dashboard, drill into TP4 and read the budget, with zero axe violations', async () => {
    const page = browser.page;
    await login(page, baseUrl, COORDINATOR);
    await page.goto(`${baseUrl}/progress`);
    await waitForHeading(page);
    const cards = page.getByTestId('progress-wp-card');
    await expect.poll(() => cards.count()).toBe(5);
    await page.getByTestId('progress-overdue').waitFor();
    // The demo's delayed interim report is overdue.
    await expect(page.getByTestId('progress-overdue').innerText()).resolves.toContain('Väliraportti rahoittajalle');
    await page.getByTestId('progress-budget-summary').waitFor();
    await expectNoAxeViolations(page, 'progress dashboard');

    await page.locator('[data-testid="progress-wp-card"][data-code="TP4"] a').first().click();
    await page.waitForURL(/\/progress\/work-packages\/TP4$/);
    expect(await waitForHeading(page)).toContain('TP4');
    await expect.poll(() => page.getByTestId('wp-task-row').count()).toBeGreaterThanOrEqual(2);
    await expectNoAxeViolations(page, 'work package TP4');

    await page.goto(`${baseUrl}/progress/budget`);
    await waitForHeading(page);
    const total = page.getByTestId('budget-total');
    await total.waitFor();
    await expect(total.innerText()).resolves.toMatch(/2\s248\s352\s€/);
    await page.getByTestId('budget-chart').waitFor();
    await expectNoAxeViolations(page, 'budget');
  });

  it('lets the coordinator approve a submitted report and download the funder report; the timeline, reports and indicators have zero axe violations', async () => {
    const page = browser.page;
    const api = await ApiSession.login(baseUrl, COORDINATOR);
    const submitted = (await api.json<ProgressReport[]>('GET', '/api/progress/reports?status=submitted')).find((r) => r.period === '2026-Q3')!;
    await page.goto(`${baseUrl}/progress/reports`);
    await waitForHeading(page);
    await page.locator(`[data-testid="report-row"][data-report-id="${submitted.id}"] a`).first().click();
    await page.waitForURL(new RegExp(`/progress/reports/${submitted.id}$`));
    await waitForHeading(page);
    await page.getByTestId('report-decision-comment').fill('Hyvä raportti, kiitos.');
    await page.getByTestId('report-approve').click();
    await expect.poll(async () => (await api.json<ProgressReport>('GET', `/api/progress/reports/${submitted.id}`)).status).toBe('approved');
    await expect(page.getByTestId('report-history').innerText()).resolves.toMatch(/\S/);
    await expectNoAxeViolations(page, 'progress report');

    await page.goto(`${baseUrl}/progress`);
    await waitForHeading(page);
    await page.getByTestId('funder-report-period').selectOption('2026-Q3');
    const download = page.waitForEvent('download');
    await page.getByTestId('funder-report-docx').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.docx$/);
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    const { strFromU8, unzipSync } = await import('fflate');
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['word/document.xml']);
    expect(xml).toContain('2 248 352 €');
    expect(xml).toContain('FIT-mittarien kokeilu laajeni kahteen uuteen tiimiin.');

    for (const [path, label] of [
      ['/progress/timeline', 'timeline'],
      ['/progress/reports', 'reports'],
      ['/progress/indicators', 'indicators'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await waitForHeading(page);
      await page.waitForLoadState('networkidle');
      await expectNoAxeViolations(page, label);
    }
    await expect.poll(() => page.locator('[data-testid="indicator-card"]').count()).toBeGreaterThanOrEqual(7);
  });

  it("lets a developer update their task's status and % beside the suggestion, and enter a cost", async () => {
    const api = await ApiSession.login(baseUrl, DEVELOPER);
    const tp1 = await api.json<WorkPackageProgress>('GET', '/api/progress/work-packages/TP1');
    const pilot = tp1.tasks.find((t) => t.title === 'Monialaisen tiimin pilotti')!;
    const page = browser.page;
    await browser.context.clearCookies();
    await login(page, baseUrl, DEVELOPER);
    await page.goto(`${baseUrl}/progress/work-packages/TP1`);
    await waitForHeading(page);
    const row = page.locator(`[data-testid="wp-task-row"][data-task-id="${pilot.id}"]`);
    await row.waitFor();
    await expect(row.getByTestId('wp-task-suggestion').innerText()).resolves.toMatch(/67\s%/);
    await row.getByTestId('wp-task-edit').click();
    await page.getByTestId('wp-task-status').selectOption('at-risk');
    await page.getByTestId('wp-task-percent').fill('62');
    await page.getByTestId('wp-task-save').click();
    await expect
      .poll(async () => (await api.json<WorkPackageProgress>('GET', '/api/progress/work-packages/TP1')).tasks.find((t) => t.id === pilot.id))
      .toMatchObject({ status: 'at-risk', percent: 62 });

    const kainuu = (await api.json<Organisation[]>('GET', '/api/organisations')).find((o) => o.shortName === 'KAINUU')!;
    const before = (await api.json<BudgetOverview>('GET', '/api/progress/budget')).organisations.find((o) => o.organisationId === kainuu.id)!.actual;
    await page.goto(`${baseUrl}/progress/budget`);
    await waitForHeading(page);
    await page.getByTestId('cost-form').waitFor();
    await page.getByTestId('cost-organisation').selectOption(kainuu.id);
    await page.getByTestId('cost-period').fill('2026-10');
    await page.getByTestId('cost-category').selectOption('travel');
    await page.getByTestId('cost-amount').fill('480,50');
    await page.getByTestId('cost-save').click();
    await expect
      .poll(async () => (await api.json<BudgetOverview>('GET', '/api/progress/budget')).organisations.find((o) => o.organisationId === kainuu.id)!.actual)
      .toBeCloseTo(before + 480.5, 2);
    await expectNoAxeViolations(page, 'budget with the cost form');
  });

  it('shows an experience expert the progress but not the budget', async () => {
    const page = browser.page;
    await browser.context.clearCookies();
    await login(page, baseUrl, EXPERT);
    await page.goto(`${baseUrl}/progress`);
    await waitForHeading(page);
    await expect.poll(() => page.getByTestId('progress-wp-card').count()).toBe(5);
    expect(await page.getByTestId('progress-budget-summary').count()).toBe(0);
    await page.goto(`${baseUrl}/progress/budget`);
    await waitForHeading(page);
    await page.getByTestId('budget-no-access').waitFor();
    expect(await page.getByTestId('budget-table').count()).toBe(0);
    await expectNoAxeViolations(page, 'budget for an expert');
  });
});
