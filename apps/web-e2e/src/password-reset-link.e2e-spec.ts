import type { Organisation } from '@kehittamo/shared/domain';
import { inject } from 'vitest';
import { ApiSession } from '@kehittamo/server/testing';
import { expectNoAxeViolations, login, openBrowser, waitForHeading, type Browser } from './support/browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(() => browser?.close());

/**
 * A member has forgotten the password and has no mail: the coordinator makes a single-use
 * link in the organisation's member list and passes it on; the member sets a new password.
 * No other browser test logs in as the demo facilitator, so changing their password is safe.
 */
describe('a coordinator helps a member who forgot the password', () => {
  const memberName = 'Fasilitaattori (demo)';
  const memberEmail = 'facilitator@demo.kehittamo.fi';
  const newPassword = 'uusi-salasana-2468';
  let kainuuId: string;
  let resetUrl: string;

  beforeAll(async () => {
    const coordinator = await ApiSession.login(baseUrl, 'coordinator@demo.kehittamo.fi');
    const organisations = await coordinator.json<Organisation[]>('GET', '/api/organisations');
    kainuuId = organisations.find((o) => o.shortName === 'KAINUU')!.id;
  });

  it('creates a reset link in the member’s card, with the keyboard', async () => {
    const { page } = browser;
    await login(page, baseUrl, 'coordinator@demo.kehittamo.fi');
    await page.goto(`${baseUrl}/organisations/${kainuuId}`);
    await waitForHeading(page);

    const card = page.getByTestId('organisation-member').filter({ has: page.getByRole('heading', { name: memberName, exact: true }) });
    const button = card.getByTestId('member-reset-link');
    expect(await button.getAttribute('aria-label')).toBe(`Luo salasanan vaihtolinkki jäsenelle ${memberName}`);
    await button.focus();
    await page.keyboard.press('Enter');

    const url = card.getByTestId('member-reset-url');
    await url.waitFor();
    resetUrl = await url.inputValue();
    expect(resetUrl).toMatch(/\/reset-password\?token=[\w-]+/);
    expect(await url.getAttribute('readonly')).not.toBeNull();
    // The field's label (with the member's name for screen readers); the result is announced in a status region.
    await card.getByLabel(`Salasanan vaihtolinkki: ${memberName}`).waitFor();
    const announced = (await card.locator('[role="status"]').first().textContent()) ?? '';
    expect(announced).toContain(`Salasanan vaihtolinkki on luotu jäsenelle ${memberName}.`);
    expect(announced).toMatch(/sähköpost/);
    expect(await card.getByTestId('member-reset-expires').textContent()).toMatch(/voimassa .+ asti/);
    expect(await card.getByTestId('member-reset-copy').getAttribute('aria-label')).toBe(`Kopioi linkki jäsenelle ${memberName}`);

    await expectNoAxeViolations(page, 'organisation with a password-reset link');

    await card.getByTestId('member-reset-copy').click();
    await card.getByText('Linkki kopioitu leikepöydälle.').waitFor();
  });

  it('fits a 320 px wide phone with the link showing, with large enough buttons', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 320, height: 640 });
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      for (const testId of ['member-reset-link', 'member-reset-copy']) {
        const size = await page
          .getByTestId(testId)
          .first()
          .evaluate((el) => {
            // Material buttons extend their touch target beyond the drawn outline.
            const target = el.querySelector('.mat-mdc-button-touch-target') ?? el;
            const box = target.getBoundingClientRect();
            return { width: Math.max(box.width, el.getBoundingClientRect().width), height: box.height };
          });
        expect(size.width, testId).toBeGreaterThanOrEqual(44);
        expect(size.height, testId).toBeGreaterThanOrEqual(44);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('lets the member set a new password with the link and log in with it', async () => {
    const member = await openBrowser();
    try {
      const { page } = member;
      await page.goto(resetUrl);
      await waitForHeading(page);
      await page.getByTestId('reset-password').fill(newPassword);
      await page.getByTestId('reset-password-confirm').fill(newPassword);
      await page.getByTestId('reset-submit').click();
      await page.getByTestId('reset-to-login').waitFor();

      await login(page, baseUrl, memberEmail, newPassword);
      await page.getByTestId('current-user').waitFor();
      expect(await page.getByTestId('current-user').textContent()).toContain(memberName);
    } finally {
      await member.close();
    }
  });

  it('does not accept the same link twice', async () => {
    const again = await openBrowser();
    try {
      const { page } = again;
      await page.goto(resetUrl);
      await waitForHeading(page);
      await page.getByTestId('reset-password').fill('kolmas-salasana-1357');
      await page.getByTestId('reset-password-confirm').fill('kolmas-salasana-1357');
      await page.getByTestId('reset-submit').click();
      await page.getByTestId('error-message').first().waitFor();
      const text = (await page.getByTestId('error-message').first().textContent()) ?? '';
      expect(text.length).toBeGreaterThan(10);
      expect(text).not.toContain('token_');
    } finally {
      await again.close();
    }
    // The new password still works.
    await ApiSession.login(baseUrl, memberEmail, newPassword);
  });
});
