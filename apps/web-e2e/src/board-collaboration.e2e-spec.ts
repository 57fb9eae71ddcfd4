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

const status = (page: Page) => page.getByTestId('collab-status');
const peers = (page: Page) => page.getByTestId('collab-peers');
const canvas = (page: Page) => page.getByTestId('board-canvas');
const notes = (page: Page) => page.locator('[data-testid="board-item-note"]');
const note = (page: Page, text: string) => notes(page).filter({ hasText: text });
const outlineFrame = (page: Page, name: string) =>
  page.getByTestId('outline-frame').filter({ has: page.getByRole('heading', { level: 2, name }) });
const outlineTexts = (section: ReturnType<typeof outlineFrame>) =>
  section.getByTestId('outline-item-text').evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));

/** Waits until the status region says `text` (e.g. "Tallennettu"). */
async function waitForStatus(page: Page, text: string): Promise<void> {
  await status(page).filter({ hasText: text }).waitFor({ timeout: 15_000 });
}

/** The test id of the focused element. */
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Adds a note from the toolbar and types into it; Escape ends editing. */
async function addNoteFromToolbar(page: Page, text: string): Promise<void> {
  await page.getByTestId('add-note').click();
  await expect.poll(() => focusedTestId(page)).toBe('board-item-editor');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await expect.poll(() => focusedTestId(page)).toBe('board-item-note');
}

/** What the screen reader was last told (the CDK live announcer's region). */
const announced = (page: Page) => page.locator('.cdk-live-announcer-element').innerText();

/** Creates a board on the space page, as a user would, and opens it from the list. */
async function createBoardOnSpacePage(page: Page, spaceId: string, title: string, template?: string): Promise<string> {
  await page.goto(`${baseUrl}/spaces/${spaceId}`);
  await waitForHeading(page);
  await page.getByTestId('board-create-title').fill(title);
  if (template) {
    await page.getByRole('radio', { name: template }).check();
  }
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

describe('two people work on the same board at the same time', () => {
  let developer: Browser;
  let facilitator: Browser;
  let kainuuSpaceId: string;
  let projectSpaceId: string;
  let boardUrl: string;
  const title = `Yhteinen taulu ${Date.now()}`;

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

  it('lets the developer create a board from a template on the space page and open its canvas', async () => {
    const { page } = developer;
    await login(page, baseUrl, DEVELOPER);
    await page.goto(`${baseUrl}/spaces/${kainuuSpaceId}`);
    await waitForHeading(page);
    await page.getByRole('heading', { name: 'Taulut', level: 2 }).waitFor();
    // The template choice shows each template's frames.
    await page.getByRole('radio', { name: 'Nelikenttä (SWOT)' }).waitFor();
    await page.getByText('Kehykset: Vahvuudet, Heikkoudet, Mahdollisuudet, Uhat').waitFor();
    await expectNoAxeViolations(page, 'space page with boards and templates');

    boardUrl = await createBoardOnSpacePage(page, kainuuSpaceId, title, 'Nelikenttä (SWOT)');
    expect(await page.title()).toBe(`${title} – Taulu – Kehittämö`);
    await waitForStatus(page, 'Tallennettu');
    // The canvas is named and explained, the toolbar is a labelled toolbar, and the template's frames are there.
    expect(await canvas(page).getAttribute('aria-label')).toBe('Taulun kangas');
    expect(await canvas(page).getAttribute('aria-describedby')).toBeTruthy();
    await page.getByRole('toolbar', { name: 'Taulun työkalut' }).waitFor();
    await expect.poll(() => page.locator('[data-testid="board-item-frame"]').count()).toBe(4);
  });

  it('shows each the other’s presence and pointer, and the notes one adds appear for the other', async () => {
    const a = developer.page;
    const b = facilitator.page;
    await login(b, baseUrl, FACILITATOR, await currentPassword(baseUrl, FACILITATOR));
    await b.goto(boardUrl);
    await b.getByRole('heading', { level: 1, name: title }).waitFor();
    await waitForStatus(b, 'Tallennettu');

    await peers(a).getByText('Fasilitaattori (demo)').waitFor();
    await peers(b).getByText('Kehittäjä (demo)').waitFor();

    await addNoteFromToolbar(a, 'Hei kaikille');
    await note(b, 'Hei kaikille').waitFor({ timeout: 10_000 });
    // The note carries its writer's name.
    await note(b, 'Hei kaikille').getByText('Kehittäjä (demo)').waitFor();
    await waitForStatus(a, 'Tallennettu');

    // A double-click on an empty spot makes a note there.
    const box = (await canvas(b).boundingBox())!;
    await b.mouse.dblclick(box.x + 12, box.y + 12);
    await expect.poll(() => focusedTestId(b)).toBe('board-item-editor');
    await b.keyboard.type('Moi!');
    await b.keyboard.press('Escape');
    await note(a, 'Moi!').waitFor({ timeout: 10_000 });
    await waitForStatus(b, 'Tallennettu');

    // Each sees the other's pointer with their name.
    await b.mouse.move(box.x + 300, box.y + 200);
    await b.mouse.move(box.x + 320, box.y + 220);
    await a.getByTestId('remote-cursor').filter({ hasText: 'Fasilitaattori (demo)' }).waitFor({ timeout: 10_000 });
  });

  it('moves a note by keyboard, and undo takes back only one’s own change', async () => {
    const a = developer.page;
    const b = facilitator.page;
    const mine = note(a, 'Hei kaikille');
    await mine.focus();
    const before = await mine.evaluate((el) => getComputedStyle(el).transform);
    await a.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => mine.evaluate((el) => getComputedStyle(el).transform)).not.toBe(before);
    await a.keyboard.press('Control+z');
    await expect.poll(() => mine.evaluate((el) => getComputedStyle(el).transform)).toBe(before);
    await a.keyboard.press('Control+z'); // undoes adding the developer's own note …
    await expect.poll(() => note(a, 'Hei kaikille').count()).toBe(0);
    expect(await note(a, 'Moi!').count()).toBe(1); // … never the facilitator's
    await a.getByTestId('redo').click();
    await note(a, 'Hei kaikille').waitFor();
    await note(b, 'Hei kaikille').waitFor({ timeout: 10_000 });
    await waitForStatus(a, 'Tallennettu');
  });

  it('drags a note into a frame with the pointer, and zooms with the buttons', async () => {
    const a = developer.page;
    const b = facilitator.page;
    const target = a.locator('[data-testid="board-item-frame"]').filter({ has: a.getByText('Uhat', { exact: true }) });
    const frameBox = (await target.boundingBox())!;
    const noteBox = (await note(a, 'Moi!').boundingBox())!;
    await a.mouse.move(noteBox.x + noteBox.width / 2, noteBox.y + noteBox.height / 2);
    await a.mouse.down();
    const steps = 8;
    for (let i = 1; i <= steps; i++) {
      await a.mouse.move(
        noteBox.x + noteBox.width / 2 + ((frameBox.x + frameBox.width / 2 - noteBox.x - noteBox.width / 2) * i) / steps,
        noteBox.y + noteBox.height / 2 + ((frameBox.y + frameBox.height / 2 - noteBox.y - noteBox.height / 2) * i) / steps,
      );
    }
    await a.mouse.up();
    await expect.poll(() => note(b, 'Moi!').getAttribute('aria-label'), { timeout: 10_000 }).toContain('kehyksessä Uhat');
    await expect.poll(() => announced(a)).toContain('Lappu siirretty kehykseen Uhat');

    const zoom = a.getByTestId('zoom-level');
    const before = await zoom.innerText();
    await a.getByTestId('zoom-in').click();
    await expect.poll(() => zoom.innerText()).not.toBe(before);
    await a.getByTestId('zoom-fit').click();
    await waitForStatus(a, 'Tallennettu');
  });

  it('really saved what it said was saved: a reload shows the notes', async () => {
    const b = facilitator.page;
    await b.reload();
    await waitForHeading(b);
    await waitForStatus(b, 'Tallennettu');
    await note(b, 'Hei kaikille').waitFor();
    await note(b, 'Moi!').waitFor();
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
    await note(a, 'Moi!').waitFor();
    await developer.context.setOffline(true);
    try {
      await a.evaluate(() => (window as unknown as { khTestSockets: WebSocket[] }).khTestSockets.forEach((s) => s.close()));
      await waitForStatus(a, 'Ei yhteyttä');
      await addNoteFromToolbar(a, 'Kirjoitettu ilman yhteyttä');
      await waitForStatus(a, 'Ei yhteyttä – muutokset säilyvät tällä laitteella');
      expect(await note(b, 'Kirjoitettu ilman yhteyttä').count()).toBe(0);
    } finally {
      await developer.context.setOffline(false);
    }
    await waitForStatus(a, 'Tallennettu');
    await note(b, 'Kirjoitettu ilman yhteyttä').waitFor({ timeout: 15_000 });
    // Both see each other again at once, not only after the 15 s presence renewal.
    await peers(a).getByText('Fasilitaattori (demo)').waitFor({ timeout: 5_000 });
    await peers(b).getByText('Kehittäjä (demo)').waitFor({ timeout: 5_000 });
  });

  it('lets a keyboard user add, edit and move notes between frames in the outline view', async () => {
    const a = developer.page;
    const b = facilitator.page;
    // Switch views from the keyboard; the choice is kept in the address.
    await a.getByTestId('view-outline').focus();
    await a.keyboard.press('Enter');
    await a.waitForURL((url) => url.searchParams.get('view') === 'outline');
    await outlineFrame(a, 'Vahvuudet').waitFor();

    const strengths = outlineFrame(a, 'Vahvuudet');
    const weaknesses = outlineFrame(a, 'Heikkoudet');
    // Add: the frame's own form, typed and sent with the keyboard.
    await strengths.getByTestId('outline-new-note').focus();
    await a.keyboard.type('Hyvä yhteistyö');
    await a.keyboard.press('Tab'); // colour
    await a.keyboard.press('Tab'); // "Lisää lappu"
    await a.keyboard.press('Enter');
    // A new note goes to the end of its frame (other notes may have landed there on the canvas).
    await expect.poll(async () => (await outlineTexts(strengths)).at(-1)).toBe('Hyvä yhteistyö');
    await expect.poll(() => announced(a)).toContain('Lappu lisätty kehykseen Vahvuudet');
    await note(b, 'Hyvä yhteistyö').waitFor({ timeout: 10_000 });

    // Edit: the note's own field is bound to the shared text.
    await strengths.getByTestId('outline-item-text').last().focus();
    await a.keyboard.press('End');
    await a.keyboard.type(' ja luottamus');
    await note(b, 'Hyvä yhteistyö ja luottamus').waitFor({ timeout: 10_000 });

    // Move: choose the next frame in the select, then "Siirrä".
    await strengths.getByTestId('outline-move-target').last().focus();
    await a.keyboard.press('ArrowDown');
    await a.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(a)).toBe('outline-move');
    await a.keyboard.press('Enter');
    await expect.poll(() => outlineTexts(weaknesses)).toEqual(['Hyvä yhteistyö ja luottamus']);
    await expect.poll(() => outlineTexts(strengths)).not.toContain('Hyvä yhteistyö ja luottamus');
    await expect.poll(() => announced(a)).toContain('Lappu siirretty kehykseen Heikkoudet');
    // The colour is told in words, not only shown.
    await weaknesses.getByText('Väri: keltainen').waitFor();

    // Delete, and undo the delete.
    await weaknesses.getByTestId('outline-delete').focus();
    await a.keyboard.press('Enter');
    await expect.poll(() => focusedTestId(a)).toBe('outline-undo-delete');
    await a.keyboard.press('Enter');
    await expect.poll(() => outlineTexts(weaknesses)).toEqual(['Hyvä yhteistyö ja luottamus']);
    await waitForStatus(a, 'Tallennettu');

    // The other one's canvas shows the note inside its new frame.
    await note(b, 'Hyvä yhteistyö ja luottamus').waitFor({ timeout: 10_000 });
    await expect
      .poll(() => note(b, 'Hyvä yhteistyö ja luottamus').getAttribute('aria-label'))
      .toContain('kehyksessä Heikkoudet');
  });

  it('has no axe violations on the canvas or the outline, and fits a 320 px wide phone', async () => {
    const { page } = developer;
    await page.goto(boardUrl);
    await waitForHeading(page);
    await waitForStatus(page, 'Tallennettu');
    await note(page, 'Moi!').waitFor();
    await expectNoAxeViolations(page, 'board canvas');
    await expectNoHorizontalScrollAt320(page, 'board canvas');
    await page.goto(`${boardUrl}?view=outline`);
    await outlineFrame(page, 'Vahvuudet').waitFor();
    await expectNoAxeViolations(page, 'board outline');
    await expectNoHorizontalScrollAt320(page, 'board outline');
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

    it('sees what a developer wrote, read-only, with a sentence saying why', async () => {
      const a = developer.page;
      projectBoardUrl = await createBoardOnSpacePage(a, projectSpaceId, projectTitle);
      await waitForStatus(a, 'Tallennettu');
      await addNoteFromToolbar(a, text);
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

      await note(o, text).waitFor({ timeout: 10_000 });
      await o.getByText('Sinulla on katseluoikeus: voit katsoa taulua mutta et muokata sitä.').waitFor();
      await waitForStatus(o, 'Ajan tasalla');
      await peers(o).getByText('Kehittäjä (demo)').waitFor();
      await peers(a).getByText('Ohjausryhmä (demo)').waitFor();
      // No tools that change the board, and the keys do nothing.
      expect(await o.getByTestId('add-note').count()).toBe(0);
      expect(await o.getByTestId('board-settings-save').count()).toBe(0);
      await note(o, text).focus();
      await o.keyboard.press('Enter');
      await o.keyboard.press('Delete');
      expect(await o.getByTestId('board-item-editor').count()).toBe(0);
      const box = (await canvas(o).boundingBox())!;
      await o.mouse.dblclick(box.x + 12, box.y + 12);
      expect(await notes(o).count()).toBe(1);
      expect(await notes(a).count()).toBe(1);
      await expectNoAxeViolations(o, 'read-only board canvas');

      // The outline is read-only too.
      await o.getByTestId('view-outline').click();
      const field = o.getByTestId('outline-item-text').first();
      await field.waitFor();
      expect(await field.inputValue()).toBe(text);
      expect(await field.isEditable()).toBe(false);
      expect(await o.getByTestId('outline-add-note').count()).toBe(0);
      await field.focus();
      await o.keyboard.type('ei näin');
      expect(await field.inputValue()).toBe(text);
      await expectNoAxeViolations(o, 'read-only board outline');
      await expectNoHorizontalScrollAt320(o, 'read-only board outline');
    });

    it('sees further edits live', async () => {
      const a = developer.page;
      await addNoteFromToolbar(a, 'Päivitetty.');
      await expect
        .poll(() => observer.page.getByTestId('outline-item-text').evaluateAll((f) => f.map((x) => (x as HTMLTextAreaElement).value)), { timeout: 10_000 })
        .toContain('Päivitetty.');
    });
  });
});
