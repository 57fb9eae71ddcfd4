import type { Organisation, Space } from '@kehittamo/shared/domain';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { ApiSession } from '@kehittamo/server/testing';
import { expectNoAxeViolations, login, openBrowser, waitForHeading, type Browser } from './support/browser';

const baseUrl = inject('baseUrl');

/** Every page of the shell, reachable as the demo coordinator (who sees the admin pages). */
async function shellPages(): Promise<{ name: string; path: string; public?: boolean }[]> {
  const coordinator = await ApiSession.login(baseUrl, 'coordinator@demo.kehittamo.fi');
  const spaces = await coordinator.json<Space[]>('GET', '/api/spaces');
  const organisations = await coordinator.json<Organisation[]>('GET', '/api/organisations');
  return [
    { name: 'login', path: '/login', public: true },
    { name: 'forgot password', path: '/forgot-password', public: true },
    { name: 'reset password', path: '/reset-password?token=not-a-real-token-123', public: true },
    { name: 'invitation with a bad token', path: '/invitation?token=not-a-real-token-123', public: true },
    { name: 'spaces', path: '/spaces' },
    { name: 'space', path: `/spaces/${spaces[0].id}` },
    { name: 'organisations', path: '/organisations' },
    { name: 'organisation', path: `/organisations/${organisations.find((o) => o.shortName === 'KAINUU')!.id}` },
    { name: 'audit log', path: '/audit' },
    { name: 'profile', path: '/profile' },
    { name: 'inbox', path: '/inbox' },
    { name: 'materials', path: '/materials' },
    { name: 'material collections', path: '/materials/collections' },
    { name: 'progress', path: '/progress' },
    { name: 'budget', path: '/progress/budget' },
    { name: 'not found', path: '/no-such-page' },
  ];
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await waitForHeading(page);
  await page.waitForLoadState('networkidle');
}

describe('accessibility of every page', () => {
  let browser: Browser;
  let pages: Awaited<ReturnType<typeof shellPages>>;

  beforeAll(async () => {
    pages = await shellPages();
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('has zero axe violations (WCAG 2.0/2.1 A and AA) on public pages', async () => {
    for (const p of pages.filter((x) => x.public)) {
      await visit(browser.page, p.path);
      await expectNoAxeViolations(browser.page, p.name);
    }
  });

  it('has zero axe violations on every page for a coordinator, in all three languages', async () => {
    await login(browser.page, baseUrl, 'coordinator@demo.kehittamo.fi');
    for (const language of ['fi', 'sv', 'en']) {
      await browser.page.locator('#lang-select').selectOption(language);
      await browser.page.waitForFunction((l) => document.documentElement.lang === l, language);
      for (const p of pages.filter((x) => !x.public)) {
        await visit(browser.page, p.path);
        expect(await browser.page.getAttribute('html', 'lang')).toBe(language);
        await expectNoAxeViolations(browser.page, `${p.name} (${language})`);
      }
    }
    await browser.page.locator('#lang-select').selectOption('fi');
  });

  it('loads every page without Content-Security-Policy refusals (styles and scripts all apply)', async () => {
    expect(browser.cspViolations).toEqual([]);
    // The global stylesheet really applies (it once stayed media="print" behind the CSP).
    await visit(browser.page, '/spaces');
    const applied = await browser.page.evaluate(() => {
      const probe = document.createElement('span');
      probe.className = 'kh-visually-hidden';
      document.body.append(probe);
      const position = getComputedStyle(probe).position;
      probe.remove();
      return { position, media: [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => (l as HTMLLinkElement).media) };
    });
    expect(applied.position).toBe('absolute');
    expect(applied.media.filter((m) => m === 'print')).toEqual([]);
  });

  it('gives every page its own title', async () => {
    const titles = new Set<string>();
    for (const p of pages.filter((x) => !x.public)) {
      await visit(browser.page, p.path);
      titles.add(await browser.page.title());
    }
    expect(titles.size).toBe(pages.filter((x) => !x.public).length);
  });
});

/** Tabs through the page and returns a description of every element that received focus. */
async function tabThrough(page: Page, maxSteps = 150): Promise<Set<string>> {
  const seen = new Set<string>();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < maxSteps; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.dataset['kbId'] ?? '') : '';
    });
    if (id) seen.add(id);
  }
  return seen;
}

/** Marks every visible interactive control with an id, so focus can be traced (a radio group counts once). */
async function markControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
    const ids: string[] = [];
    // A radio group is one Tab stop (arrow keys move inside it), so its radios share one id.
    const radioGroups = new Map<string, string>();
    document.querySelectorAll<HTMLElement>(selector).forEach((el, index) => {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) return;
      // Inside a closed <details> Chromium keeps a box but hides the content (content-visibility).
      if (!el.checkVisibility({ visibilityProperty: true })) return;
      // Disabled through a disabled <fieldset> too (e.g. e-mail settings on a server without SMTP).
      if (el.matches(':disabled')) return;
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        const group = radioGroups.get(el.name) ?? `radio-group:${el.name}`;
        el.dataset['kbId'] = group;
        if (!radioGroups.has(el.name)) ids.push(group);
        radioGroups.set(el.name, group);
        return;
      }
      const id = `${el.tagName.toLowerCase()}#${index}:${(el.getAttribute('data-testid') ?? el.textContent ?? '').trim().slice(0, 30)}`;
      el.dataset['kbId'] = id;
      ids.push(id);
    });
    return ids;
  });
}

describe('keyboard-only use', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(() => browser?.close());

  it('logs in with the keyboard alone', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/login`);
    await waitForHeading(page);
    await page.getByTestId('login-email').focus();
    await page.keyboard.type('coordinator@demo.kehittamo.fi');
    await page.keyboard.press('Tab');
    await page.keyboard.type('kehittamo-demo');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await waitForHeading(page);
  });

  it('reaches every control of every signed-in page with Tab', async () => {
    const { page } = browser;
    const pages = (await shellPages()).filter((p) => !p.public);
    for (const p of pages) {
      await page.goto(`${baseUrl}${p.path}`);
      await waitForHeading(page);
      await page.waitForLoadState('networkidle');
      const controls = await markControls(page);
      const reached = await tabThrough(page, controls.length + 20);
      const missed = controls.filter((c) => !reached.has(c));
      expect(missed, `controls on ${p.name} that Tab never reaches`).toEqual([]);
    }
  });

  it('offers a skip link to the main content as the first stop', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/spaces`);
    await waitForHeading(page);
    // The first control in tab order is the skip link, and following it lands in <main>.
    const first = page.locator('a[href], button, input, select, textarea').first();
    expect(await first.getAttribute('href')).toMatch(/#main/);
    await first.focus();
    expect(await first.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    const insideMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main') || document.activeElement?.id === 'main'));
    expect(insideMain).toBe(true);
  });
});

describe('a 320 px wide phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openBrowser({ width: 320, height: 640 });
  });
  afterAll(() => browser?.close());

  it('shows every page without horizontal scrolling, and the menu works', async () => {
    const { page } = browser;
    const pages = await shellPages();
    for (const p of pages.filter((x) => x.public)) {
      await visit(page, p.path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), p.name).toBeLessThanOrEqual(320);
    }
    await login(page, baseUrl, 'expert@demo.kehittamo.fi');
    for (const p of pages.filter((x) => !x.public)) {
      await visit(page, p.path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), p.name).toBeLessThanOrEqual(320);
    }
    await visit(page, '/spaces');
    await expectNoAxeViolations(page, 'spaces at 320 px');
    await page.getByTestId('nav-toggle').click();
    await page.getByTestId('nav-profile').click();
    await page.waitForURL((url) => url.pathname.startsWith('/profile'));
    await waitForHeading(page);
  });
});
