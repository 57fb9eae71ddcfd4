import type { ModelDescription, Space } from '@kehittamo/shared/domain';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { ApiSession } from '@kehittamo/server/testing';
import { expectNoAxeViolations, login, openBrowser, waitForHeading, type Browser } from './support/browser';

const baseUrl = inject('baseUrl');

const DEVELOPER = 'developer@demo.kehittamo.fi';
const EXPERT = 'expert@demo.kehittamo.fi';
const EXPERT_NAME = 'Kokemuskumppani Kuu';

const stamp = Date.now();
const modelName = `Iltatuen malli ${stamp}`;
const opening = 'Perheet tarvitsevat tukea myös iltaisin. ';
const sentence = 'Tiimi vastaa viestiin saman päivän aikana.';
const expertComment = 'Tämä on tosi tärkeää. Illalla huoli on usein suurin.';
const developerReply = 'Kiitos! Lisätään tämä tavoitteisiin.';
const reason = 'Lisäsimme iltapäivystyksen malliin.';

const sectionEditor = (page: Page) => page.getByTestId('section-editor-basicIdea');
const panel = (page: Page) => page.getByTestId('model-comments');
const threadWith = (page: Page, text: string) => panel(page).getByTestId('comment-thread').filter({ hasText: text });

/** Selects `text` inside the section editor the way a finger or mouse would: a DOM selection over it. */
async function selectText(page: Page, text: string): Promise<void> {
  await sectionEditor(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" not in the editor`);
  }, text);
}

describe('comments: an expert on a phone and a developer on a desktop', () => {
  let developer: Browser;
  let expert: Browser;
  let model: ModelDescription;
  let api: ApiSession;
  let projectSpaceId: string;

  beforeAll(async () => {
    api = await ApiSession.login(baseUrl, DEVELOPER);
    const spaces = await api.json<Space[]>('GET', '/api/spaces');
    projectSpaceId = spaces.find((s) => s.kind === 'project')!.id;
    model = await api.json<ModelDescription>('POST', '/api/model-descriptions', { spaceId: projectSpaceId, name: modelName });
    [developer, expert] = await Promise.all([openBrowser(), openBrowser({ width: 360, height: 740 })]);
    await Promise.all([login(developer.page, baseUrl, DEVELOPER), login(expert.page, baseUrl, EXPERT)]);
  });
  afterAll(async () => {
    await Promise.all([developer?.close(), expert?.close()]);
  });

  it('lets the expert comment on a highlighted sentence from a 360 px phone, under their display name and badge', async () => {
    const dev = developer.page;
    await dev.goto(`${baseUrl}/models/${model.id}`);
    await waitForHeading(dev);
    await sectionEditor(dev).click();
    await dev.keyboard.type(opening + sentence);

    const page = expert.page;
    await page.goto(`${baseUrl}/models/${model.id}`);
    await waitForHeading(page);
    await sectionEditor(page).getByText(sentence, { exact: false }).waitFor();
    // The expert may comment but not edit: the text is read-only for them.
    expect(await sectionEditor(page).getAttribute('contenteditable')).toBe('false');

    await selectText(page, sentence);
    const commentButton = page.getByTestId('comment-selection');
    await commentButton.click();
    const composer = panel(page).getByTestId('comment-composer').first();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment-input');
    expect(await panel(page).getByTestId('comment-pending-quote').innerText()).toBe(sentence);
    await composer.getByTestId('comment-input').fill(expertComment);
    await composer.getByTestId('comment-badge').check();
    await composer.getByTestId('comment-send').click();

    const thread = threadWith(page, expertComment);
    await thread.waitFor();
    expect(await thread.getByTestId('thread-quote').innerText()).toBe(sentence);
    expect(await thread.getByTestId('comment-author').first().innerText()).toContain(EXPERT_NAME);
    await thread.getByTestId('comment-expert-badge').first().waitFor();
    // The sentence is highlighted in the text, for both.
    await sectionEditor(page).locator('mark.kh-comment-anchor', { hasText: sentence }).waitFor();
    await sectionEditor(dev).locator('mark.kh-comment-anchor', { hasText: sentence }).waitFor({ timeout: 10_000 });

    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'model page with the comment panel (360 px)');
  });

  it('keeps the highlight on the sentence while the developer writes before it', async () => {
    const dev = developer.page;
    await sectionEditor(dev).click();
    await dev.keyboard.press('Control+Home');
    await dev.keyboard.type('Uusi alku. ');
    const mark = sectionEditor(expert.page).locator('mark.kh-comment-anchor');
    await expect.poll(() => mark.innerText(), { timeout: 10_000 }).toBe(sentence);
  });

  it('lets the developer reply and mark the comment adopted, and the expert sees the outcome in the inbox', async () => {
    const unread = async () => Number((await expert.page.getByTestId('nav-inbox').textContent())?.match(/\d+/)?.[0] ?? 0);
    const unreadBefore = await unread();
    const dev = developer.page;
    const thread = threadWith(dev, expertComment);
    await thread.waitFor({ timeout: 10_000 });
    await thread.getByTestId('thread-reply').click();
    await thread.getByTestId('comment-input').fill(developerReply);
    await thread.getByTestId('comment-send').click();
    await thread.getByText(developerReply).waitFor();

    const expertsComment = thread.getByTestId('comment').filter({ hasText: expertComment });
    await expertsComment.getByTestId('comment-decide').click();
    await expertsComment.getByTestId('comment-outcome-accepted').check();
    await expertsComment.getByTestId('comment-outcome-reason').fill(reason);
    await expertsComment.getByTestId('comment-outcome-save').click();
    await expertsComment.getByTestId('comment-outcome').filter({ hasText: reason }).waitFor();

    const page = expert.page;
    // The reply and the outcome reach the unread count over Socket.IO (the link is in the collapsed phone menu).
    await expect.poll(unread, { timeout: 10_000 }).toBe(unreadBefore + 2);
    await page.goto(`${baseUrl}/inbox`);
    await waitForHeading(page);
    const mine = page.getByTestId('inbox-threads').getByTestId('comment-thread').filter({ hasText: expertComment });
    await mine.waitFor();
    const outcome = mine.getByTestId('comment-outcome');
    expect(await outcome.innerText()).toContain('Otettu käyttöön');
    expect(await outcome.innerText()).toContain(reason);
    await mine.getByText(developerReply).waitFor();
    await page.getByTestId('inbox-notifications').getByTestId('inbox-notification').filter({ hasText: modelName }).first().waitFor();
    // Searching the comments finds the discussion by words in it.
    await page.getByTestId('inbox-search-field').fill('huoli suurin');
    await page.getByTestId('inbox-search-submit').click();
    await page.getByTestId('inbox-search-results').getByTestId('comment-thread').filter({ hasText: expertComment }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(page, 'inbox with search results (360 px)');
  });

  it('warns before identifying details are published and offers review instead', async () => {
    const page = expert.page;
    await page.goto(`${baseUrl}/models/${model.id}`);
    await waitForHeading(page);
    const composer = panel(page).getByTestId('comment-composer').first();
    await composer.getByTestId('comment-input').fill('Soita minulle numeroon 040 123 4567.');
    await composer.getByTestId('comment-send').click();
    const warning = composer.getByTestId('comment-sensitive');
    await warning.waitFor();
    expect((await warning.getByTestId('comment-sensitive-kinds').innerText()).toLowerCase()).toContain('puhelinnumero');
    await expectNoAxeViolations(page, 'comment composer with the sensitive-data warning');
    await warning.getByTestId('comment-hold').click();
    await threadWith(page, 'Soita minulle').getByTestId('comment-held').waitFor();
    // Others do not see a held comment.
    await developer.page.reload();
    await waitForHeading(developer.page);
    await threadWith(developer.page, expertComment).waitFor();
    expect(await threadWith(developer.page, 'Soita minulle').count()).toBe(0);
  });

  it('comments on one board note: the thread names the note; a note with a phone number gets a warning while typed', async () => {
    const page = developer.page;
    const board = await api.json<{ id: string }>('POST', '/api/boards', { spaceId: projectSpaceId, title: `Kommenttitaulu ${stamp}` });
    await page.goto(`${baseUrl}/spaces/${projectSpaceId}/boards/${board.id}`);
    await waitForHeading(page);
    const comments = page.locator('.kh-board-comments');
    // Nothing selected yet: the panel says how to start.
    await comments.getByTestId('comment-new-hint').waitFor();

    await page.getByTestId('add-note').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('board-item-editor');
    await page.keyboard.type('Soita 040 765 4321');
    await page.getByTestId('board-item-sensitive').waitFor();
    for (let i = 0; i < 'Soita 040 765 4321'.length; i += 1) await page.keyboard.press('Backspace');
    await page.keyboard.type('Iltaisin tarvitaan tukea');
    expect(await page.getByTestId('board-item-sensitive').count()).toBe(0);
    await page.keyboard.press('Escape');

    const composer = comments.getByTestId('comment-composer').first();
    await composer.getByTestId('comment-input').fill('Tästä lisää seuraavaan työpajaan.');
    await composer.getByTestId('comment-send').click();
    const thread = comments.getByTestId('comment-thread').filter({ hasText: 'Tästä lisää seuraavaan työpajaan.' });
    await thread.waitFor();
    expect(await thread.getByTestId('thread-part').innerText()).toBe('Iltaisin tarvitaan tukea');
  });
});
