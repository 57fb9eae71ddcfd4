import type { ModelDescription, ModelDescriptionContent, Space, Workshop } from '@kehittamo/shared/domain';
import type { Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import { ApiSession } from '@kehittamo/server/testing';
import { expectNoAxeViolations, login, openBrowser, waitForHeading, type Browser } from './support/browser';
import { currentPassword } from './support/demo-accounts';

const baseUrl = inject('baseUrl');

const FACILITATOR = 'facilitator@demo.kehittamo.fi';
const DEVELOPER = 'developer@demo.kehittamo.fi';
const EXPERT = 'expert@demo.kehittamo.fi';
const DEVELOPER_NAME = 'Kehittäjä (demo)';
const EXPERT_NAME = 'Kokemuskumppani Kuu';

const stamp = Date.now();
const title = `Tulevaisuuspaja ${stamp}`;
const modelName = `Vertaistuen malli ${stamp}`;
const developerText = 'Aloitetaan yhteiset kotikäynnit';
const expertText = 'Aloitetaan vertaisryhmä vanhemmille';
const outlineText = 'Jatketaan perhekahvilaa';
const outlineEdit = ' joka kuukausi';

// ---------- small helpers ----------

/** Focuses an element and presses a key on it: the keyboard user's "click". */
async function press(target: Locator, key = 'Enter'): Promise<void> {
  await target.focus();
  await target.page().keyboard.press(key);
}

/** The test id of the focused element. */
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Tomorrow as the value of an `<input type="date">` (this machine's, and so the browser's, time zone). */
function tomorrow(): string {
  const date = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A note on the canvas, found by its text. */
const canvasNote = (page: Page, text: string) => page.locator('[data-testid="board-item-note"]').filter({ hasText: text });

/** A frame's section in the outline, found by its h2. */
const outlineFrame = (page: Page, name: string) =>
  page.getByTestId('outline-frame').filter({ has: page.getByRole('heading', { level: 2, name }) });

/** The texts of the notes in an outline frame, in order. */
const outlineTexts = (section: Locator) =>
  section.getByTestId('outline-item-text').evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));

/** The outline item of the note `text`, while voting is on (found by its vote button's name). */
const outlineItem = (page: Page, text: string) =>
  page.getByTestId('outline-item').filter({ has: page.getByRole('button', { name: `Anna ääni: ${text}`, exact: true }) });

/** The values of the user's own private notes, as the private-notes panel shows them. */
const privateTexts = (page: Page) =>
  page
    .getByTestId('private-notes')
    .locator('ol textarea')
    .evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));

/** The timer's digits without the visually hidden "Aikaa jäljellä". */
async function timerDigits(page: Page): Promise<string> {
  return (await page.getByTestId('live-timer-digits').innerText()).replace('Aikaa jäljellä', '').trim();
}

/** Seconds left on the timer, as shown. */
async function timerSeconds(page: Page): Promise<number> {
  const [minutes, seconds] = (await timerDigits(page)).split(':').map(Number);
  return minutes * 60 + seconds;
}

/** A <details> disclosure of the facilitator panel, opened if closed. */
async function openTool(page: Page, summary: string): Promise<Locator> {
  const details = page.getByTestId('facilitator-panel').locator('details').filter({ has: page.locator('summary', { hasText: summary }) });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return details;
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

describe('a short live workshop: facilitator, developer and experience expert', () => {
  let facilitator: Browser;
  let developer: Browser;
  let expert: Browser;
  let projectSpaceId: string;
  let model: ModelDescription;
  let workshop: Workshop;
  let workshopUrl: string;

  beforeAll(async () => {
    const facilitatorPassword = await currentPassword(baseUrl, FACILITATOR);
    const api = await ApiSession.login(baseUrl, FACILITATOR, facilitatorPassword);
    const spaces = await api.json<Space[]>('GET', '/api/spaces');
    projectSpaceId = spaces.find((s) => s.kind === 'project')!.id;
    // The model description the workshop's notes go to, made beforehand as its own feature is tested elsewhere.
    model = await api.json<ModelDescription>('POST', '/api/model-descriptions', { spaceId: projectSpaceId, name: modelName });

    [facilitator, developer, expert] = await Promise.all([
      openBrowser(),
      openBrowser(),
      // The experience expert takes part from a phone.
      openBrowser({ width: 390, height: 844 }),
    ]);
    await Promise.all([
      login(facilitator.page, baseUrl, FACILITATOR, facilitatorPassword),
      login(developer.page, baseUrl, DEVELOPER),
      login(expert.page, baseUrl, EXPERT),
    ]);
  });
  afterAll(async () => {
    await Promise.all([facilitator?.close(), developer?.close(), expert?.close()]);
  });

  it('lets the facilitator plan the workshop with the keyboard: people, agenda, linked model and board template', async () => {
    const { page } = facilitator;
    // From the space page to the planning form, by links.
    await page.goto(`${baseUrl}/spaces/${projectSpaceId}`);
    await waitForHeading(page);
    await press(page.getByTestId('space-workshops-link'));
    await page.waitForURL(`${baseUrl}/spaces/${projectSpaceId}/workshops`);
    await press(page.getByTestId('workshop-plan-link'));
    await page.waitForURL(`${baseUrl}/spaces/${projectSpaceId}/workshops/new`);
    await page.getByRole('heading', { level: 1, name: 'Suunnittele työpaja' }).waitFor();
    await page.getByTestId('workshop-template-start-stop-continue').waitFor();

    // A submit without the required fields: an error summary whose links lead to the fields.
    await press(page.getByTestId('workshop-save'));
    const errors = page.getByTestId('workshop-form-errors');
    await errors.waitFor();
    await press(errors.getByRole('link', { name: /^Työpajan nimi:/ }));
    expect(await focusedTestId(page)).toBe('workshop-title');
    await page.keyboard.type(title);
    await page.getByTestId('workshop-start-date').fill(tomorrow());
    // The end date follows the start date.
    await expect.poll(() => page.getByTestId('workshop-end-date').inputValue()).toBe(tomorrow());

    // People: search, then the hit's "Lisää" button; focus returns to the search field.
    const participants = page.getByTestId('workshop-participants');
    const search = page.getByTestId('workshop-participants-search');
    await search.focus();
    await page.keyboard.type('Kehittäjä');
    await press(participants.getByRole('button', { name: `Lisää ${DEVELOPER_NAME}`, exact: true }));
    expect(await focusedTestId(page)).toBe('workshop-participants-search');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Kuu');
    await press(participants.getByRole('button', { name: `Lisää ${EXPERT_NAME}`, exact: true }));
    await participants.getByTestId('workshop-participants-selected').getByText(DEVELOPER_NAME).waitFor();
    await participants.getByTestId('workshop-participants-selected').getByText(EXPERT_NAME).waitFor();

    // Agenda: "Lisää kohta" puts focus in the new item's title.
    await press(page.getByTestId('agenda-add'));
    await expect.poll(() => focusedTestId(page)).toBe('agenda-title');
    await page.keyboard.type('Mitä aloitetaan, lopetetaan, jatketaan');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('30');
    await page.getByTestId('agenda-total').filter({ hasText: 'Yhteensä 30 minuuttia' }).waitFor();

    // The model description the notes will go to.
    const models = page.getByTestId('workshop-models');
    await page.getByTestId('workshop-models-search').focus();
    await page.keyboard.type(String(stamp));
    await press(models.getByRole('button', { name: `Liitä ${modelName}`, exact: true }));
    await models.getByTestId('workshop-models-selected').getByText(modelName).waitFor();

    // Board template: a radio group, chosen with the space bar.
    await press(page.getByTestId('workshop-template-start-stop-continue'), 'Space');
    expect(await page.getByTestId('workshop-template-start-stop-continue').isChecked()).toBe(true);
    expect(await page.getByTestId('workshop-anonymous').isChecked()).toBe(false);
    await expect.poll(() => page.getByTestId('workshop-form-errors').count()).toBe(0);
    await expectNoAxeViolations(page, 'workshop planning form');

    await press(page.getByTestId('workshop-save'));
    await page.waitForURL((url) => /^\/workshops\/[\w-]+$/.test(url.pathname));
    workshopUrl = page.url();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByTestId('workshop-status').filter({ hasText: 'Ei vielä alkanut' }).waitFor();
    const groups = page.getByTestId('workshop-participant-group');
    await groups.getByText(DEVELOPER_NAME).waitFor();
    await groups.getByText(EXPERT_NAME).waitFor();
    await page.getByTestId('workshop-agenda').getByText('Mitä aloitetaan, lopetetaan, jatketaan').waitFor();
    await page.getByTestId('workshop-models').getByRole('link', { name: modelName }).waitFor();
    await page.getByTestId('workshop-boards').getByText('työpajan oma taulu').waitFor();
    await expectNoAxeViolations(page, 'workshop detail page');

    const api = await ApiSession.login(baseUrl, FACILITATOR, await currentPassword(baseUrl, FACILITATOR));
    workshop = await api.json<Workshop>('GET', `/api/workshops/${workshopUrl.split('/').pop()}`);
    expect(workshop.participants.map((p) => p.displayName).sort()).toEqual([DEVELOPER_NAME, EXPERT_NAME].sort());
    expect(workshop.models.map((m) => m.id)).toEqual([model.id]);
  });

  it('brings all three in; the facilitator starts the workshop and a timer everyone sees running', async () => {
    const f = facilitator.page;
    const d = developer.page;
    const e = expert.page;
    await Promise.all([f, d, e].map((page) => page.goto(`${workshopUrl}/live`)));
    await f.getByTestId('facilitator-panel').waitFor();
    // Participants wait on a page that updates by itself; they get no facilitator tools.
    await d.getByTestId('live-not-started').waitFor();
    await e.getByTestId('live-not-started').waitFor();
    expect(await d.getByTestId('facilitator-panel').count()).toBe(0);
    expect(await e.getByTestId('facilitator-panel').count()).toBe(0);
    await f.getByRole('heading', { level: 2, name: 'Paikalla (3)' }).waitFor({ timeout: 15_000 });

    await f.getByTestId('live-start').click();
    await d.getByTestId('live-not-started').waitFor({ state: 'detached' });
    await e.getByTestId('live-not-started').waitFor({ state: 'detached' });
    await expect.poll(() => e.getByTestId('live-announcement').innerText()).toContain('Työpaja alkoi.');

    await f.getByTestId('live-timer-minutes').fill('5');
    await f.getByTestId('live-timer-start').click();
    for (const page of [f, d, e]) {
      await page.getByTestId('live-timer-state').filter({ hasText: 'Käynnissä' }).waitFor();
      const seconds = await timerSeconds(page);
      expect(seconds).toBeGreaterThan(4 * 60);
      // Never more than was set (the display once started at "5:01": a clock reading a tick old).
      expect(seconds).toBeLessThanOrEqual(5 * 60);
      // It counts down, on every screen.
      await expect.poll(() => timerSeconds(page), { timeout: 5_000 }).toBeLessThan(seconds);
    }
    // Screen readers are told that it started, with its set length.
    await expect.poll(() => e.getByTestId('live-timer-announcement').innerText()).toBe('Ajastin käynnistyi: 5:00.');
    // The same time on every screen (within a couple of seconds).
    const [fs, ds, es] = await Promise.all([f, d, e].map((page) => timerSeconds(page)));
    expect(Math.max(fs, ds, es) - Math.min(fs, ds, es)).toBeLessThanOrEqual(2);
  });

  it('runs private writing: each sees only their own note until the facilitator reveals them, without names', async () => {
    const f = facilitator.page;
    const d = developer.page;
    const e = expert.page;

    // The expert works in the outline view, by keyboard only, for the rest of the workshop.
    await press(e.getByTestId('live-view-outline'));
    await outlineFrame(e, 'Aloitetaan').waitFor();

    const tool = await openTool(f, 'Kirjoitus ensin itsekseen');
    await tool.getByTestId('private-frame').selectOption({ label: 'Aloitetaan' });
    expect(await tool.getByTestId('private-anonymous').isChecked()).toBe(true);
    await tool.getByTestId('private-start').click();
    await tool.getByTestId('private-status').filter({ hasText: 'Lappuja kirjoitettu: 0.' }).waitFor();

    // The developer writes on the canvas page's private panel.
    const mine = d.getByTestId('private-notes');
    await mine.getByText('Laput tulevat kehykseen Aloitetaan.').waitFor();
    await mine.getByTestId('private-add').getByLabel('Lapun teksti', { exact: true }).fill(developerText);
    await mine.getByRole('button', { name: 'Lisää oma lappu' }).click();
    await expect.poll(() => privateTexts(d)).toEqual([developerText]);

    // The expert: Tab from the text to the colour, to "Lisää oma lappu", Enter; focus returns to the text.
    const theirs = e.getByTestId('private-notes');
    await theirs.getByText('Laput tulevat kehykseen Aloitetaan.').waitFor();
    await theirs.getByTestId('private-add').getByLabel('Lapun teksti', { exact: true }).focus();
    await e.keyboard.type(expertText);
    await e.keyboard.press('Tab');
    await e.keyboard.press('ArrowDown'); // vihreä
    await e.keyboard.press('Tab');
    await e.keyboard.press('Enter');
    await expect.poll(() => privateTexts(e)).toEqual([expertText]);
    expect(await e.evaluate(() => document.activeElement?.id)).toBe('kh-pn-new');

    // Nobody sees the other's note; the facilitator sees only how many are waiting.
    await tool.getByTestId('private-status').filter({ hasText: 'Lappuja kirjoitettu: 2.' }).waitFor();
    expect(await privateTexts(d)).toEqual([developerText]);
    expect(await privateTexts(e)).toEqual([expertText]);
    expect(await privateTexts(f)).toEqual([]);
    for (const page of [f, d, e]) {
      expect(await canvasNote(page, developerText).count()).toBe(0);
      expect(await canvasNote(page, expertText).count()).toBe(0);
    }
    expect(await outlineTexts(outlineFrame(e, 'Aloitetaan'))).toEqual([]);
    await expectNoAxeViolations(e, 'live page, outline with private writing, phone');
    await expectNoAxeViolations(f, 'live page, facilitator during private writing');

    await tool.getByTestId('private-reveal').click();
    for (const page of [f, d]) {
      for (const text of [developerText, expertText]) {
        const note = canvasNote(page, text);
        await note.waitFor({ timeout: 10_000 });
        const label = (await note.getAttribute('aria-label')) ?? '';
        expect(label).toContain('kehyksessä Aloitetaan');
        // Revealed without the writer's name, on screen or for a screen reader.
        expect(label).not.toContain(DEVELOPER_NAME);
        expect(label).not.toContain(EXPERT_NAME);
        expect(label).not.toContain('Kirjoittaja');
        expect(await note.locator('.kh-item-author').count()).toBe(0);
      }
    }
    await expect.poll(() => outlineTexts(outlineFrame(e, 'Aloitetaan')), { timeout: 10_000 }).toEqual(
      expect.arrayContaining([developerText, expertText]),
    );
    expect(await outlineFrame(e, 'Aloitetaan').getByText(/Kirjoittaja:/).count()).toBe(0);
    // The expert's colour choice went with the note.
    expect(await canvasNote(d, expertText).getAttribute('aria-label')).toContain('vihreä');
    // Private writing is over: the panels are gone.
    await d.getByTestId('private-notes').waitFor({ state: 'detached' });
    await e.getByTestId('private-notes').waitFor({ state: 'detached' });
    await expect.poll(() => e.getByTestId('live-announcement').innerText()).toContain('Laput on nyt paljastettu kaikille.');
  });

  it('runs dot voting: tallies stay hidden until the facilitator reveals them, then everyone sees them', async () => {
    const f = facilitator.page;
    const d = developer.page;
    const e = expert.page;

    const tool = await openTool(f, 'Äänestys pisteillä');
    await tool.getByTestId('voting-votes').fill('2');
    await tool.getByTestId('voting-frame').selectOption({ label: 'Aloitetaan' });
    await tool.getByTestId('voting-start').click();
    await tool.getByTestId('voting-status').filter({ hasText: 'Äänestys on käynnissä.' }).waitFor();
    for (const page of [d, e]) {
      await page.getByTestId('live-my-votes').filter({ hasText: 'Sinulla on ääniä jäljellä: 2.' }).waitFor();
    }

    // The developer votes on the canvas with the pointer: one vote for each note.
    await canvasNote(d, expertText).getByRole('button', { name: `Anna ääni: ${expertText}`, exact: true }).click();
    await canvasNote(d, developerText).getByRole('button', { name: `Anna ääni: ${developerText}`, exact: true }).click();
    await d.getByTestId('live-my-votes').filter({ hasText: 'ääniä jäljellä: 0.' }).waitFor();
    // No votes left: the + buttons are off, the − buttons on.
    expect(await canvasNote(d, expertText).getByTestId('vote-add').getAttribute('aria-disabled')).toBe('true');
    expect(await canvasNote(d, expertText).getByTestId('vote-remove').getAttribute('aria-disabled')).toBeNull();

    // The expert votes in the outline with the keyboard: both votes on the developer's note.
    const add = e.getByRole('button', { name: `Anna ääni: ${developerText}`, exact: true });
    await press(add);
    await e.getByTestId('live-my-votes').filter({ hasText: 'ääniä jäljellä: 1.' }).waitFor();
    await expect.poll(() => outlineItem(e, developerText).getByTestId('outline-my-votes').innerText()).toBe('Omat äänesi: 1');
    await press(add);
    await e.getByTestId('live-my-votes').filter({ hasText: 'ääniä jäljellä: 0.' }).waitFor();
    await expect.poll(() => outlineItem(e, developerText).getByTestId('outline-my-votes').innerText()).toBe('Omat äänesi: 2');
    // Out of votes, the button says so but keeps the focus (a disabled one would drop it to the page's start) …
    expect(await focusedTestId(e)).toBe('outline-vote-add');
    expect(await add.getAttribute('aria-disabled')).toBe('true');
    // … and does nothing when pressed again.
    await e.keyboard.press('Enter');

    // Every vote is in, and still nobody sees the tallies, the facilitator included.
    await tool.getByTestId('voting-progress').filter({ hasText: 'Ääniä annettu: 4.' }).waitFor();
    for (const page of [f, d, e]) {
      expect(await page.getByText(/Ääniä yhteensä/).count()).toBe(0);
      await page.getByTestId('voting-info').getByText('Tulokset näytetään, kun fasilitaattori paljastaa ne.').waitFor();
    }
    await expectNoAxeViolations(d, 'live page, canvas with voting');
    await expectNoAxeViolations(e, 'live page, outline with voting, phone');

    await tool.getByTestId('voting-close').click();
    await d.getByTestId('live-my-votes').filter({ hasText: 'Äänestys on päättynyt.' }).waitFor();
    expect(await d.getByText(/Ääniä yhteensä/).count()).toBe(0);
    await tool.getByTestId('voting-reveal').click();
    await tool.getByTestId('voting-status').filter({ hasText: 'Tulokset on näytetty kaikille.' }).waitFor();

    for (const page of [f, d]) {
      await canvasNote(page, developerText).getByText('Ääniä yhteensä: 3').waitFor();
      await canvasNote(page, expertText).getByText('Ääniä yhteensä: 1').waitFor();
    }
    await outlineItem(e, developerText).getByTestId('outline-tally').filter({ hasText: 'Ääniä yhteensä: 3' }).waitFor();
    await outlineItem(e, expertText).getByTestId('outline-tally').filter({ hasText: 'Ääniä yhteensä: 1' }).waitFor();
    await expect.poll(() => e.getByTestId('live-announcement').innerText()).toContain('Äänestyksen tulokset näkyvät nyt.');
    // Nothing was refused along the way (the extra key press sent no vote).
    expect(await e.getByTestId('error-message').count()).toBe(0);
    await expect.poll(() => outlineItem(e, developerText).getByTestId('outline-my-votes').innerText()).toBe('Omat äänesi: 2');
  });

  it('lets the expert add, edit and move a note between frames in the outline, by keyboard only', async () => {
    const d = developer.page;
    const e = expert.page;
    const go = outlineFrame(e, 'Jatketaan');
    await go.getByTestId('outline-new-note').focus();
    await e.keyboard.type(outlineText);
    await e.keyboard.press('Tab'); // colour
    await e.keyboard.press('Tab'); // "Lisää lappu"
    await e.keyboard.press('Enter');
    await expect.poll(() => outlineTexts(go)).toEqual([outlineText]);
    // Not private any more: the note carries its writer's name, and the others see it at once.
    await go.getByText(`Kirjoittaja: ${EXPERT_NAME}`).waitFor();
    await canvasNote(d, outlineText).waitFor({ timeout: 10_000 });
    expect(await canvasNote(d, outlineText).getAttribute('aria-label')).toContain('kehyksessä Jatketaan');

    // Edit in the note's own field.
    await go.getByTestId('outline-item-text').last().focus();
    await e.keyboard.press('End');
    await e.keyboard.type(outlineEdit);
    await canvasNote(d, outlineText + outlineEdit).waitFor({ timeout: 10_000 });

    // Move: the frame before in the select, Tab to "Siirrä", Enter.
    await go.getByTestId('outline-move-target').last().focus();
    await e.keyboard.press('ArrowUp');
    await e.keyboard.press('Tab');
    await expect.poll(() => focusedTestId(e)).toBe('outline-move');
    await e.keyboard.press('Enter');
    await expect.poll(() => outlineTexts(outlineFrame(e, 'Lopetetaan'))).toEqual([outlineText + outlineEdit]);
    await expect.poll(() => outlineTexts(go)).toEqual([]);
    await expect
      .poll(() => canvasNote(d, outlineText + outlineEdit).getAttribute('aria-label'), { timeout: 10_000 })
      .toContain('kehyksessä Lopetetaan');
    await expectNoAxeViolations(e, 'live page, outline after editing, phone');
    await expectNoHorizontalScrollAt320(e, 'live page outline at 320 px');

    // The canvas on the phone too: the notes are there, and it fits 320 px.
    await press(e.getByTestId('live-view-canvas'));
    await canvasNote(e, developerText).waitFor();
    await canvasNote(e, expertText).waitFor();
    await expectNoAxeViolations(e, 'live page, canvas, phone');
    await expectNoHorizontalScrollAt320(e, 'live page canvas at 320 px');
  });

  it('sends two notes from the summary page to the model description, ranked results shown', async () => {
    const f = facilitator.page;
    await press(f.getByTestId('workshop-nav-summary'));
    await f.waitForURL(`${workshopUrl}/summary`);
    await f.getByRole('heading', { level: 1, name: `Yhteenveto: ${title}` }).waitFor();

    // The vote results, most votes first.
    const ranked = f.getByTestId('summary-votes').locator('li');
    await expect.poll(() => ranked.allInnerTexts()).toEqual([`3 ääntä – ${developerText} (Aloitetaan)`, `1 ääntä – ${expertText} (Aloitetaan)`]);

    const send = f.getByTestId('send-to-model');
    // Nothing chosen yet: the form says so instead of sending.
    await send.getByTestId('send-submit').click();
    await send.getByText('Valitse ensin ainakin yksi lappu.').waitFor();

    await f.getByRole('checkbox', { name: developerText }).check();
    await f.getByRole('checkbox', { name: expertText }).check();
    await send.getByTestId('send-selected').filter({ hasText: 'Valittuna 2 lappua' }).waitFor();
    // The workshop's own model description is offered first.
    expect(await send.getByTestId('send-model').locator('optgroup[label="Työpajaan liitetyt"] option').allInnerTexts()).toEqual([modelName]);
    await send.getByTestId('send-model').selectOption({ label: modelName });
    await send.getByTestId('send-section').selectOption('tips');
    await expectNoAxeViolations(f, 'workshop summary page');
    await send.getByTestId('send-submit').click();
    await f.getByTestId('send-result').filter({ hasText: '2 lappua lisättiin osioon' }).waitFor({ timeout: 15_000 });
    await f.getByTestId('send-result').getByRole('link', { name: `Avaa ${modelName}` }).waitFor();

    // The text arrived in that section (the content is a projection: it may take a moment).
    const tipsText = async () => {
      const response = await f.request.get(`${baseUrl}/api/model-descriptions/${model.id}/content`);
      expect(response.status()).toBe(200);
      const content = (await response.json()) as ModelDescriptionContent;
      return JSON.stringify(content.sections.tips);
    };
    await expect.poll(tipsText, { timeout: 15_000 }).toContain(developerText);
    const tips = await tipsText();
    expect(tips).toContain(expertText);
    expect(tips).toContain(`Lähde: työpaja ”${title}”`);
    // Author names never travel to the description.
    expect(tips).not.toContain(DEVELOPER_NAME);
    expect(tips).not.toContain(EXPERT_NAME);
    const response = await f.request.get(`${baseUrl}/api/model-descriptions/${model.id}/content`);
    expect(JSON.stringify(((await response.json()) as ModelDescriptionContent).sections.basicIdea)).not.toContain(developerText);
  });

  it('has no axe violations on the board canvas and outline of the workshop board, nor on the facilitator’s live page', async () => {
    const f = facilitator.page;
    const d = developer.page;
    const boardUrl = `${baseUrl}/spaces/${workshop.spaceId}/boards/${workshop.mainBoardId}`;
    await d.goto(boardUrl);
    await waitForHeading(d);
    await d.getByTestId('collab-status').filter({ hasText: 'Tallennettu' }).waitFor({ timeout: 15_000 });
    await canvasNote(d, developerText).waitFor();
    await expectNoAxeViolations(d, 'workshop board, canvas');
    await d.goto(`${boardUrl}?view=outline`);
    await outlineFrame(d, 'Aloitetaan').waitFor();
    await expect.poll(() => outlineTexts(outlineFrame(d, 'Aloitetaan'))).toEqual(expect.arrayContaining([developerText, expertText]));
    await expectNoAxeViolations(d, 'workshop board, outline');

    await f.goto(`${workshopUrl}/live`);
    await f.getByTestId('facilitator-panel').waitFor();
    await canvasNote(f, developerText).waitFor();
    await expectNoAxeViolations(f, 'live page, facilitator, canvas');
    for (const browser of [facilitator, developer, expert]) expect(browser.cspViolations).toEqual([]);
  });
});
