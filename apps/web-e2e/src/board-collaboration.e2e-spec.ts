import type { Space } from '@kehittamo/shared/domain';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { ApiSession } from '@kehittamo/server/testing';
import { expectNoAxeViolations, login, openBrowser, waitForHeading, type Browser } from './support/browser';
import { currentPassword } from './support/demo-accounts';

const baseUrl = inject('baseUrl');

const DEVELOPER = 'developer@demo.kehittamo.fi';
const FACILITATOR = 'facilitator@demo.kehittamo.fi';
const OBSERVER = 'observer@demo.kehittamo.fi';


const notes = (page: Page) => page.getByTestId('board-notes');
const status = (page: Page) => page.getByTestId('collab-status');
const peers = (page: Page) => page.getByTestId('collab-peers');

/** Waits until the status region says `text` (e.g. "Tallennettu"). */
async function waitForStatus(page: Page, text: string): Promise<void> {
  await status(page).filter({ hasText: text }).waitFor({ timeout: 15_000 });
}

/** Creates a board on the space page, as a user would, and opens it from the list. */
async function createBoardOnSpacePage(page: Page, spaceId: string, title: string): Promise<string> {
  await page.goto(`${baseUrl}/spaces/${spaceId}`);
  await waitForHeading(page);
  await page.getByTestId('board-create-title').fill(title);
  await page.getByTestId('board-create-submit').click();
  const link = page.getByTestId('board-link').filter({ hasText: title });
  await link.waitFor();
  await page.getByText(`Taulu ${title} on luotu.`).waitFor();
  await link.click();
  await page.waitForURL((url) => /^\/spaces\/[\w-]+\/boards\/[\w-]+$/.test(url.pathname));
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return page.url();
}

async function expectNoHorizontalScrollAt320(page: Page, label: string): Promise<void> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    await page.waitForFunction(() => window.innerWidth === 320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(320);
  } finally {
    if (viewport) await page.setViewportSize(viewport);
  }
}

describe('two developers write on the same board at the same time', () => {
  let developer: Browser;
  let facilitator: Browser;
  let kainuuSpaceId: string;
  let projectSpaceId: string;
  let boardUrl: string;
  const title = `Yhteinen muistio ${Date.now()}`;

  beforeAll(async () => {
    const api = await ApiSession.login(baseUrl, DEVELOPER);
    const spaces = await api.json<Space[]>('GET', '/api/spaces');
    kainuuSpaceId = spaces.find((s) => s.kind === 'organisation' && s.name === 'Kainuun hyvinvointialue')!.id;
    projectSpaceId = spaces.find((s) => s.kind === 'project')!.id;
    developer = await openBrowser();
    facilitator = await openBrowser();
  });
  afterAll(async () => {
    await developer?.close();
    await facilitator?.close();
  });

  it('lets the developer create a board on the space page and open it', async () => {
    const { page } = developer;
    await login(page, baseUrl, DEVELOPER);
    await page.goto(`${baseUrl}/spaces/${kainuuSpaceId}`);
    await waitForHeading(page);
    await page.getByRole('heading', { name: 'Taulut', level: 2 }).waitFor();
    await expectNoAxeViolations(page, 'space page with boards');

    boardUrl = await createBoardOnSpacePage(page, kainuuSpaceId, title);
    expect(await page.title()).toBe(`${title} – Taulu – Kehittämö`);
    await waitForStatus(page, 'Tallennettu');
    expect(await notes(page).getAttribute('readonly')).toBeNull();
    // The field is labelled and explained.
    await page.getByLabel('Yhteiset muistiinpanot').waitFor();
  });

  it('shows each the other’s presence, and what one types appears for the other', async () => {
    const a = developer.page;
    const b = facilitator.page;
    await login(b, baseUrl, FACILITATOR, await currentPassword(baseUrl, FACILITATOR));
    await b.goto(boardUrl);
    await b.getByRole('heading', { level: 1, name: title }).waitFor();
    await waitForStatus(b, 'Tallennettu');

    await peers(a).getByText('Fasilitaattori (demo)').waitFor();
    await peers(b).getByText('Kehittäjä (demo)').waitFor();

    await notes(a).click();
    await a.keyboard.type('Hei kaikille');
    await expect.poll(() => notes(b).inputValue(), { timeout: 10_000 }).toBe('Hei kaikille');
    await waitForStatus(a, 'Tallennettu');

    await notes(b).click();
    await b.keyboard.press('Control+End');
    await b.keyboard.type(' – moi!');
    await expect.poll(() => notes(a).inputValue(), { timeout: 10_000 }).toBe('Hei kaikille – moi!');
    await waitForStatus(b, 'Tallennettu');
  });

  it('merges typing at the same moment in different places, keeping each caret', async () => {
    const a = developer.page;
    const b = facilitator.page;
    await notes(a).click();
    await a.keyboard.press('Control+Home');
    await notes(b).click();
    await b.keyboard.press('Control+End');
    await Promise.all([a.keyboard.type('Alku: ', { delay: 30 }), b.keyboard.type(' Loppu.', { delay: 30 })]);
    const expected = 'Alku: Hei kaikille – moi! Loppu.';
    await expect.poll(() => notes(a).inputValue(), { timeout: 10_000 }).toBe(expected);
    await expect.poll(() => notes(b).inputValue(), { timeout: 10_000 }).toBe(expected);
    // Each kept typing where they were: the developer's caret is still after "Alku: ".
    expect(await notes(a).evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe('Alku: '.length);
    await waitForStatus(a, 'Tallennettu');
    await waitForStatus(b, 'Tallennettu');
  });

  it('really saved what it said was saved: a reload shows the text', async () => {
    const b = facilitator.page;
    await b.reload();
    await waitForHeading(b);
    await waitForStatus(b, 'Tallennettu');
    expect(await notes(b).inputValue()).toBe('Alku: Hei kaikille – moi! Loppu.');
  });

  it('says honestly when changes are only on this device, and saves them when the network returns', async () => {
    const a = developer.page;
    const b = facilitator.page;
    // Chromium's offline emulation blocks new connections but leaves open WebSockets alone, so
    // the test also drops the page's sockets itself, as a lost network eventually would.
    await developer.context.addInitScript(() => {
      const Native = window.WebSocket;
      const sockets: WebSocket[] = [];
      Object.assign(window, { khTestSockets: sockets });
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          sockets.push(this);
        }
      };
    });
    await a.reload();
    await waitForHeading(a);
    await waitForStatus(a, 'Tallennettu');
    await developer.context.setOffline(true);
    try {
      await a.evaluate(() => (window as unknown as { khTestSockets: WebSocket[] }).khTestSockets.forEach((s) => s.close()));
      await waitForStatus(a, 'Ei yhteyttä');
      await notes(a).click();
      await a.keyboard.press('Control+End');
      await a.keyboard.type(' Offline.');
      await waitForStatus(a, 'Ei yhteyttä – muutokset säilyvät tällä laitteella');
      expect(await notes(b).inputValue()).toBe('Alku: Hei kaikille – moi! Loppu.');
    } finally {
      await developer.context.setOffline(false);
    }
    await waitForStatus(a, 'Tallennettu');
    await expect.poll(() => notes(b).inputValue(), { timeout: 15_000 }).toBe('Alku: Hei kaikille – moi! Loppu. Offline.');
    // Both see each other again at once, not only after the 15 s presence renewal.
    await peers(a).getByText('Fasilitaattori (demo)').waitFor({ timeout: 5_000 });
    await peers(b).getByText('Kehittäjä (demo)').waitFor({ timeout: 5_000 });
  });

  it('has no axe violations on the board page and fits a 320 px wide phone', async () => {
    const { page } = developer;
    await peers(page).getByText('Fasilitaattori (demo)').waitFor();
    await expectNoAxeViolations(page, 'board page');
    await expectNoHorizontalScrollAt320(page, 'board page');
    await page.goto(`${baseUrl}/spaces/${kainuuSpaceId}`);
    await waitForHeading(page);
    await page.getByTestId('board-link').first().waitFor();
    await expectNoHorizontalScrollAt320(page, 'space page with boards');
    expect(developer.cspViolations).toEqual([]);
    expect(facilitator.cspViolations).toEqual([]);
  });

  describe('an observer with view rights in the project space', () => {
    let observer: Browser;
    let projectBoardUrl: string;
    const projectTitle = `Ohjausryhmälle ${Date.now()}`;
    const text = 'Luettavaksi: tavoitteet ja aikataulu.';

    beforeAll(async () => {
      observer = await openBrowser();
    });
    afterAll(() => observer?.close());

    it('sees what a developer wrote, in a read-only field that says why', async () => {
      const a = developer.page;
      projectBoardUrl = await createBoardOnSpacePage(a, projectSpaceId, projectTitle);
      await waitForStatus(a, 'Tallennettu');
      await notes(a).click();
      await a.keyboard.type(text);
      await waitForStatus(a, 'Tallennettu');

      const o = observer.page;
      await login(o, baseUrl, OBSERVER);
      await o.goto(`${baseUrl}/spaces/${projectSpaceId}`);
      await waitForHeading(o);
      // No create form without edit rights; the board is listed as a link.
      expect(await o.getByTestId('board-create-title').count()).toBe(0);
      await expectNoAxeViolations(o, 'space page for an observer');
      await o.getByTestId('board-link').filter({ hasText: projectTitle }).click();
      await o.waitForURL(projectBoardUrl);
      await o.getByRole('heading', { level: 1, name: projectTitle }).waitFor();

      await expect.poll(() => notes(o).inputValue(), { timeout: 10_000 }).toBe(text);
      expect(await notes(o).getAttribute('readonly')).not.toBeNull();
      expect(await notes(o).isEditable()).toBe(false);
      await o.getByText('Sinulla on katseluoikeus: voit lukea muistiinpanoja mutta et muokata niitä.').waitFor();
      await waitForStatus(o, 'Ajan tasalla');
      await peers(o).getByText('Kehittäjä (demo)').waitFor();
      await peers(a).getByText('Ohjausryhmä (demo)').waitFor();

      // Typing does nothing, here or for others.
      await notes(o).focus();
      await o.keyboard.type('ei näin');
      expect(await notes(o).inputValue()).toBe(text);
      expect(await notes(a).inputValue()).toBe(text);

      await expectNoAxeViolations(o, 'read-only board page');
      await expectNoHorizontalScrollAt320(o, 'read-only board page');
    });

    it('sees further edits live', async () => {
      const a = developer.page;
      await notes(a).click();
      await a.keyboard.press('Control+End');
      await a.keyboard.type(' Päivitetty.');
      await expect.poll(() => notes(observer.page).inputValue(), { timeout: 10_000 }).toBe(`${text} Päivitetty.`);
    });
  });
});
