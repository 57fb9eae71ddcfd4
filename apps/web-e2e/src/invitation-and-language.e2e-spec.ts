import type { InvitationCreated, Organisation } from '@kehittamo/shared/domain';
import { inject } from 'vitest';
import { ApiSession } from '@kehittamo/server/testing';
import { expectNoAxeViolations, login, openBrowser, waitForHeading, type Browser } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(() => browser?.close());

describe('a new experience expert joins through an invitation', () => {
  let invitationUrl: string;
  const email = `kumppani-${Date.now()}@example.fi`;

  beforeAll(async () => {
    const coordinator = await ApiSession.login(baseUrl, 'coordinator@demo.kehittamo.fi');
    const organisations = await coordinator.json<Organisation[]>('GET', '/api/organisations');
    const kainuu = organisations.find((o) => o.shortName === 'KAINUU')!;
    const invitation = await coordinator.json<InvitationCreated>('POST', '/api/invitations', {
      email,
      organisationId: kainuu.id,
      role: 'expert',
    });
    invitationUrl = invitation.url;
  });

  it('accepts the invitation under a display name and lands in their spaces', async () => {
    const { page } = browser;
    await page.goto(invitationUrl);
    await waitForHeading(page);
    await expectNoAxeViolations(page, 'invitation page');
    await page.getByTestId('accept-display-name').fill('Revontuli');
    await page.getByTestId('accept-password').fill('oma-salasana-123');
    await page.getByTestId('accept-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/invitation'));
    await waitForHeading(page);
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('Revontuli');
    // The expert sees the project-wide space and Kainuu's own space.
    await page.getByTestId('space-link').first().waitFor();
    expect(await page.getByTestId('space-link').count()).toBe(2);
  });

  it('keeps the expert role private by default and lets the expert choose to show it', async () => {
    const { page } = browser;
    await page.goto(`${baseUrl}/profile`);
    await waitForHeading(page);
    const showRole = page.getByTestId('profile-show-role');
    expect(await showRole.isChecked()).toBe(false);
    await showRole.check();
    await page.getByText(/Valinta tallennettu/).waitFor();
    const developer = await ApiSession.login(baseUrl, 'developer@demo.kehittamo.fi');
    const organisations = await developer.json<Organisation[]>('GET', '/api/organisations');
    const kainuu = organisations.find((o) => o.shortName === 'KAINUU')!;
    const members = await developer.json<{ displayName: string; role: string | null }[]>('GET', `/api/organisations/${kainuu.id}/members`);
    expect(members.find((m) => m.displayName === 'Revontuli')?.role).toBe('expert');
    await showRole.uncheck();
    await expectNoAxeViolations(page, 'profile');
    await page.goto(`${baseUrl}/spaces`);
    await waitForHeading(page);
  });

  it('switches the language to Swedish and English at runtime and remembers it', async () => {
    const { page } = browser;
    expect(await page.getAttribute('html', 'lang')).toBe('fi');
    const finnishHeading = await waitForHeading(page);

    await page.locator('#lang-select').selectOption('sv');
    await page.waitForFunction(() => document.documentElement.lang === 'sv');
    const swedishHeading = await waitForHeading(page);
    expect(swedishHeading).not.toBe(finnishHeading);
    await expectNoAxeViolations(page, 'spaces in Swedish');

    await page.locator('#lang-select').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const englishHeading = await waitForHeading(page);
    expect(englishHeading).not.toBe(swedishHeading);

    // Remembered on the server: a fresh browser logging in gets English.
    const other = await openBrowser();
    try {
      await login(other.page, baseUrl, email, 'oma-salasana-123');
      await other.page.waitForFunction(() => document.documentElement.lang === 'en');
      expect(await waitForHeading(other.page)).toBe(englishHeading);
    } finally {
      await other.close();
    }
  });

  it('logs out and back in with the new account', async () => {
    const { page } = browser;
    await page.getByTestId('logout').first().click().catch(async () => {
      // On narrow layouts the logout lives in the menu.
      await page.getByTestId('nav-toggle').click();
      await page.getByTestId('logout').first().click();
    });
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await login(page, baseUrl, email, 'oma-salasana-123');
    expect(await page.getByTestId('current-user').textContent()).toContain('Revontuli');
  });

  it('refuses a used invitation with a human message', async () => {
    const fresh = await openBrowser();
    try {
      await fresh.page.goto(invitationUrl);
      await fresh.page.getByTestId('error-message').first().waitFor();
      const text = (await fresh.page.getByTestId('error-message').first().textContent()) ?? '';
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toContain('token_used');
      await expectNoAxeViolations(fresh.page, 'used invitation');
    } finally {
      await fresh.close();
    }
  });
});
