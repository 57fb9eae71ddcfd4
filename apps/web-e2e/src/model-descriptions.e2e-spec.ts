import type { ModelDescription, ModelDescriptionSummary, Space } from '@kehittamo/shared/domain';
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { ApiSession } from '@kehittamo/server/testing';
import { expectNoAxeViolations, login, openBrowser, waitForHeading, type Browser } from './support/browser';
import { currentPassword } from './support/demo-accounts';

const baseUrl = inject('baseUrl');

const DEVELOPER = 'developer@demo.kehittamo.fi';
const FACILITATOR = 'facilitator@demo.kehittamo.fi';
const OBSERVER = 'observer@demo.kehittamo.fi';
const COORDINATOR = 'coordinator@demo.kehittamo.fi';
const DEVELOPER_NAME = 'Kehittäjä (demo)';
const FACILITATOR_NAME = 'Fasilitaattori (demo)';


const status = (page: Page) => page.getByTestId('collab-status');
const sectionEditor = (page: Page, key = 'basicIdea') => page.getByTestId(`section-editor-${key}`);

/** Waits until the status region says `text` (e.g. "Tallennettu"). */
async function waitForStatus(page: Page, text: string): Promise<void> {
  await status(page).filter({ hasText: text }).waitFor({ timeout: 15_000 });
}

/** A section's text as its reader sees it: without other people's caret labels. */
function editorText(page: Page, key = 'basicIdea'): Promise<string> {
  return sectionEditor(page, key).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.kh-caret').forEach((caret) => caret.remove());
    return (copy.textContent ?? '').replace(/\u2060/g, '');
  });
}

/** The caret of `name` inside a section's editor. */
const caretLabel = (page: Page, name: string, key = 'basicIdea') =>
  sectionEditor(page, key).locator('.kh-caret__label').filter({ hasText: name });

/** Where the keyboard focus is, by data-testid (or tag name). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.dataset['testid'] ?? element?.tagName.toLowerCase() ?? '';
  });
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

async function openEditor(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await waitForStatus(page, 'Tallennettu');
  await sectionEditor(page).waitFor();
}

describe('model descriptions: two people write one description at the same time', () => {
  let developer: Browser;
  let facilitator: Browser;
  let kainuuSpaceId: string;
  let modelUrl: string;
  const name = `Perhetyön malli ${Date.now()}`;
  const first = 'Kehittäjä kirjoittaa perusidean.';
  const second = ' Fasilitaattori jatkaa.';
  const later = ' Tämä lisäys perutaan.';
  const versionName = `Ennen muutoksia ${Date.now()}`;

  beforeAll(async () => {
    const api = await ApiSession.login(baseUrl, DEVELOPER);
    const spaces = await api.json<Space[]>('GET', '/api/spaces');
    kainuuSpaceId = spaces.find((s) => s.kind === 'organisation' && s.name === 'Kainuun hyvinvointialue')!.id;
    developer = await openBrowser();
    facilitator = await openBrowser();
  });
  afterAll(async () => {
    await developer?.close();
    await facilitator?.close();
  });

  it('lets a developer create a description from the space page, and opens it in the editor', async () => {
    const { page } = developer;
    await login(page, baseUrl, DEVELOPER);
    await page.goto(`${baseUrl}/spaces/${kainuuSpaceId}`);
    await waitForHeading(page);
    await page.getByTestId('space-models-link').click();
    await page.waitForURL(`${baseUrl}/spaces/${kainuuSpaceId}/models`);
    await page.getByRole('heading', { level: 1, name: 'Toimintamallit: Kainuun hyvinvointialue' }).waitFor();
    await expectNoAxeViolations(page, 'space models page');

    await page.getByTestId('model-create-name').fill(name);
    await page.getByTestId('model-create-submit').click();
    await page.waitForURL((url) => /^\/models\/[\w-]+$/.test(url.pathname));
    modelUrl = page.url();
    await openEditor(page, modelUrl, name);
    expect(await page.title()).toBe(`${name} – Toimintamallikuvaus – Kehittämö`);
    // The first section is a named multi-line text box inside a labelled landmark.
    const editor = sectionEditor(page);
    expect(await editor.getAttribute('role')).toBe('textbox');
    expect(await editor.getAttribute('aria-multiline')).toBe('true');
    expect(await editor.getAttribute('contenteditable')).toBe('true');
    await page.getByRole('region', { name: 'Ratkaisun perusidea' }).waitFor();
    await page.getByRole('textbox', { name: 'Ratkaisun perusidea' }).waitFor();
    await page.getByTestId('completeness-total').filter({ hasText: '0/9 osaa täytetty' }).waitFor();
  });

  it('(a) shows each what the other types in the same section, and the other’s caret with their name', async () => {
    const a = developer.page;
    const b = facilitator.page;
    await login(b, baseUrl, FACILITATOR, await currentPassword(baseUrl, FACILITATOR));
    await openEditor(b, modelUrl, name);
    await a.getByTestId('collab-peers').getByText(FACILITATOR_NAME).waitFor();

    await sectionEditor(a).click();
    await a.keyboard.type(first);
    await expect.poll(() => editorText(b), { timeout: 10_000 }).toBe(first);

    await sectionEditor(b).click();
    await b.keyboard.press('Control+End');
    await b.keyboard.type(second);
    await expect.poll(() => editorText(a), { timeout: 10_000 }).toBe(first + second);

    // Each sees the other's caret in this section, labelled with their display name.
    await caretLabel(a, FACILITATOR_NAME).waitFor({ timeout: 10_000 });
    await caretLabel(b, DEVELOPER_NAME).waitFor({ timeout: 10_000 });
    // … and not in the other sections.
    expect(await sectionEditor(a, 'tips').locator('.kh-caret').count()).toBe(0);
    await waitForStatus(a, 'Tallennettu');
    await waitForStatus(b, 'Tallennettu');
  });

  it('(b) restores a named version, and the other person sees the restored text without reloading', async () => {
    const a = developer.page;
    const b = facilitator.page;

    await a.getByTestId('model-nav-versions').click();
    await a.getByRole('heading', { level: 1, name: `Versiot: ${name}` }).waitFor();
    await a.getByTestId('version-create-name').fill(versionName);
    await a.getByTestId('version-create-submit').click();
    await a.getByText(`Versio ${versionName} tallennettu.`).waitFor();
    const row = a.locator(`[data-testid="version-row"][data-version-name="${versionName}"]`);
    await row.waitFor();

    await a.getByTestId('model-nav-editor').click();
    await waitForStatus(a, 'Tallennettu');
    await sectionEditor(a).click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(later);
    await expect.poll(() => editorText(b), { timeout: 10_000 }).toBe(first + second + later);
    await waitForStatus(a, 'Tallennettu');

    await a.getByTestId('model-nav-versions').click();
    await row.waitFor();
    const restoreButton = row.getByTestId('version-restore');
    await restoreButton.click();
    const dialog = a.getByTestId('restore-dialog');
    await dialog.getByRole('heading', { name: /^Palautetaanko versio \d+\?$/ }).waitFor();
    // Focus starts on the safe choice; Escape would cancel.
    expect(await focused(a)).toBe('restore-cancel');
    await a.getByTestId('restore-confirm').click();
    await a.getByText(/^Versio \d+ palautettu\. Aiempi sisältö tallennettiin versioksi \d+\.$/).waitFor({ timeout: 15_000 });
    // Focus went back to the button that opened the dialog.
    expect(await focused(a)).toBe('version-restore');

    // The facilitator never reloaded: the restored content arrives live.
    await expect.poll(() => editorText(b), { timeout: 15_000 }).toBe(first + second);
    expect(b.url()).toBe(modelUrl);
  });

  it('(c) has no axe violations on the list, the editor, a version comparison and the export page', async () => {
    const a = developer.page;

    // One version, read-only: its text in a non-editable editor, focus on its heading.
    const row = a.locator(`[data-testid="version-row"][data-version-name="${versionName}"]`);
    await row.getByTestId('version-view').click();
    await a.getByTestId('version-view-heading').filter({ hasText: versionName }).waitFor();
    expect(await focused(a)).toBe('version-view-heading');
    const versionEditor = a.getByTestId('version-section-basicIdea');
    expect((await versionEditor.textContent())?.trim()).toBe(first + second);
    expect(await versionEditor.getAttribute('contenteditable')).toBe('false');
    await expectNoAxeViolations(a, 'versions page with a version open');
    await a.getByTestId('version-view-close').click();
    await a.getByTestId('version-view-heading').waitFor({ state: 'detached' });

    // Versions: compare the named version with the current content.
    const from = a.getByTestId('compare-from');
    const namedVersion = await from.locator('option', { hasText: versionName }).getAttribute('value');
    await from.selectOption(namedVersion!);
    await a.getByTestId('compare-to').selectOption('current');
    await a.getByTestId('compare-submit').click();
    await a.getByTestId('compare-heading').waitFor();
    await a.waitForLoadState('networkidle');
    await expectNoAxeViolations(a, 'versions page with a comparison');

    // The project-wide list, searched: ranked hits with highlighted snippets.
    await a.goto(`${baseUrl}/models`);
    await a.getByRole('heading', { level: 1, name: 'Toimintamallit' }).waitFor();
    await a.getByTestId('model-row').first().waitFor();
    await expectNoAxeViolations(a, 'model list');
    await a.getByLabel('Hae kuvauksista').fill('kotikäynnit');
    await a.getByTestId('model-snippet').locator('mark').first().waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(a, 'model list with search results');
    await expectNoHorizontalScrollAt320(a, 'model list');
    await a.getByLabel('Hae kuvauksista').fill('');
    await a.getByLabel('Työpaketti').selectOption('TP3');
    await a.getByTestId('model-count').filter({ hasText: 'Toimintamalleja:' }).waitFor();

    // The editor, with the other person present (their caret and name on the page).
    await openEditor(a, modelUrl, name);
    await a.getByTestId('collab-peers').getByText(FACILITATOR_NAME).waitFor();
    await expectNoAxeViolations(a, 'model editor');
    await expectNoHorizontalScrollAt320(a, 'model editor');

    // Downloads and the Innokylä copy.
    await a.getByTestId('model-nav-export').click();
    await a.getByRole('heading', { level: 1, name: `Lataa ja kopioi: ${name}` }).waitFor();
    await a.getByTestId('innokyla-basicIdea').waitFor();
    await expectNoAxeViolations(a, 'export page');
    expect(await a.locator('#innokyla-basicIdea-text').inputValue()).toContain(first.trim());
    const download = a.waitForEvent('download');
    await a.getByTestId('export-md').click();
    await a.getByTestId('export-status').filter({ hasText: /Tiedosto .+\.md on ladattu\./ }).waitFor({ timeout: 15_000 });
    expect((await download).suggestedFilename()).toMatch(/\.md$/);
    expect(developer.cspViolations).toEqual([]);
    expect(facilitator.cspViolations).toEqual([]);
  });

  it('(d) works with the keyboard alone: Tab reaches the first section, typing works, the toolbar is operable', async () => {
    const b = facilitator.page;
    await openEditor(developer.page, modelUrl, name);
    await openEditor(b, modelUrl, name);
    const text = await editorText(b);

    // Tab from the top of the page until the first section's text box has focus.
    await b.locator('body').click({ position: { x: 1, y: 1 } });
    let steps = 0;
    while ((await focused(b)) !== 'section-editor-basicIdea') {
      await b.keyboard.press('Tab');
      if (++steps > 120) throw new Error('Tab never reached the first section');
    }
    await b.keyboard.press('Control+End');
    await b.keyboard.type(' Näppäimistöllä.');
    await expect.poll(() => editorText(b)).toBe(`${text} Näppäimistöllä.`);

    // One Tab stop back is the section's toolbar; Space presses Bold and focus returns to the text.
    await b.keyboard.press('Shift+Tab');
    expect(await focused(b)).toMatch(/^toolbar-/);
    await b.keyboard.press('Home');
    expect(await focused(b)).toBe('toolbar-bold');
    await b.keyboard.press('Space');
    await expect.poll(() => focused(b)).toBe('section-editor-basicIdea');
    await b.keyboard.type(' lihava');
    await sectionEditor(b).locator('strong', { hasText: 'lihava' }).waitFor();

    // Arrow keys move within the toolbar; Enter presses; aria-pressed tells the state.
    await b.keyboard.press('Shift+Tab');
    expect(await focused(b)).toBe('toolbar-bold');
    expect(await b.getByTestId('toolbar-bold').first().getAttribute('aria-pressed')).toBe('true');
    await b.keyboard.press('Enter'); // bold off
    await expect.poll(() => focused(b)).toBe('section-editor-basicIdea');
    await b.keyboard.press('Shift+Tab');
    await b.keyboard.press('ArrowRight');
    expect(await focused(b)).toBe('toolbar-italic');
    await b.keyboard.press('Enter');
    await expect.poll(() => focused(b)).toBe('section-editor-basicIdea');
    await b.keyboard.type('kursiivi');
    await sectionEditor(b).locator('em', { hasText: 'kursiivi' }).waitFor();
    await expect.poll(() => editorText(developer.page), { timeout: 10_000 }).toContain('lihavakursiivi');

    // The section links move focus to a section's heading; the next Tab is its toolbar.
    await b.getByTestId('goto-section-tips-heading').focus();
    await b.keyboard.press('Enter');
    expect(await b.evaluate(() => document.activeElement?.id)).toBe('section-tips-heading');
    await b.keyboard.press('Tab');
    await b.keyboard.press('Tab');
    expect(await focused(b)).toBe('section-editor-tips');
    await b.keyboard.type('Vinkki.');
    await expect.poll(() => editorText(developer.page, 'tips'), { timeout: 10_000 }).toBe('Vinkki.');
    await waitForStatus(b, 'Tallennettu');
  });

  it('adds a link from the toolbar with the keyboard, and refuses a javascript: link', async () => {
    const a = developer.page;
    const b = facilitator.page;
    await sectionEditor(b, 'tips').click();
    await b.keyboard.press('Control+End');
    await b.keyboard.type(' Lue lisää: ');
    await b.keyboard.press('Shift+Tab');
    await b.keyboard.press('End');
    while ((await focused(b)) !== 'toolbar-link') await b.keyboard.press('ArrowLeft');
    await b.keyboard.press('Enter');
    await expect.poll(() => focused(b)).toBe('link-url');
    await b.keyboard.type('javascript:alert(1)');
    await b.keyboard.press('Enter');
    await b.getByText('Linkin pitää alkaa https://, http://, mailto: tai tel:.').waitFor();
    expect(await b.getByTestId('link-url').getAttribute('aria-invalid')).toBe('true');
    await b.getByTestId('link-url').fill('innokyla.fi');
    await b.keyboard.press('Enter');
    await expect.poll(() => focused(b)).toBe('section-editor-tips');
    const link = sectionEditor(a, 'tips').locator('a[href="https://innokyla.fi"]');
    await link.waitFor({ timeout: 10_000 });
    expect(await link.textContent()).toBe('https://innokyla.fi');
    expect(await sectionEditor(a, 'tips').locator('a[href^="javascript"]').count()).toBe(0);
    await waitForStatus(b, 'Tallennettu');
  });

  it('shares the basic facts and the structure: parts added, renamed, moved and removed appear for the other', async () => {
    const a = developer.page;
    const b = facilitator.page;
    await a.getByTestId('fact-place').fill('Kainuu, lapsiperheiden sosiaalityö');
    await expect.poll(() => b.getByTestId('fact-place').inputValue(), { timeout: 10_000 }).toBe('Kainuu, lapsiperheiden sosiaalityö');
    await b.getByTestId('completeness-facts').filter({ hasText: 'Aloitettu' }).waitFor({ timeout: 10_000 });

    // An unsafe address is not written at all (the server would refuse the whole change).
    await a.getByTestId('fact-programmeUrl').fill('javascript:alert(1)');
    await a.getByText('Osoitteen pitää alkaa https:// tai http://. Muutosta ei tallennettu.').waitFor();
    await a.getByTestId('fact-programmeUrl').fill('https://example.fi/hanke');
    await expect.poll(() => b.getByTestId('fact-programmeUrl').inputValue(), { timeout: 10_000 }).toBe('https://example.fi/hanke');

    await a.getByTestId('step-add').click();
    await expect.poll(() => focused(a)).toBe('step-title');
    await a.keyboard.type('Tutustuminen');
    await a.getByTestId('step-add').click();
    await expect.poll(() => focused(a)).toBe('step-title');
    await a.keyboard.type('Harjoittelu');
    const titles = (page: Page) => page.getByTestId('step-title').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await expect.poll(() => titles(b), { timeout: 10_000 }).toEqual(['Tutustuminen', 'Harjoittelu']);

    await b.getByTestId('step-editor').nth(1).click();
    await b.keyboard.type('Kuusi käyntiä.');
    await expect.poll(() => a.getByTestId('step-editor').nth(1).textContent(), { timeout: 10_000 }).toContain('Kuusi käyntiä.');
    await waitForStatus(b, 'Tallennettu');

    await a.getByRole('button', { name: 'Siirrä osa 2 ylöspäin' }).click();
    await expect.poll(() => titles(b), { timeout: 10_000 }).toEqual(['Harjoittelu', 'Tutustuminen']);
    // The moved part kept its text, and focus stayed on the part's move buttons.
    await expect.poll(() => b.getByTestId('step-editor').first().textContent(), { timeout: 10_000 }).toContain('Kuusi käyntiä.');
    expect(await a.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Siirrä osa 1 alaspäin');

    await a.getByRole('button', { name: 'Poista osa 2' }).click();
    await a.getByTestId('step-remove-confirm').click();
    await expect.poll(() => titles(b), { timeout: 10_000 }).toEqual(['Harjoittelu']);
    await waitForStatus(a, 'Tallennettu');
  });

  it('changes the phase, which shows in the phase history', async () => {
    const a = developer.page;
    await a.getByTestId('model-phase-select').selectOption('piloting');
    await a.getByTestId('model-phase-save').click();
    await a.getByText('Vaihe on nyt Pilotoinnissa. Sisällöstä tallennettiin samalla versio.').waitFor();
    await a.getByTestId('phase-history').locator('summary').click();
    await a.getByTestId('phase-history').getByText(/→ Pilotoinnissa/).waitFor();
  });

  describe('an observer with view rights', () => {
    let observer: Browser;

    beforeAll(async () => {
      observer = await openBrowser();
    });
    afterAll(() => observer?.close());

    it('reads a description in read-only editors, without toolbars, and is told why', async () => {
      const api = await ApiSession.login(baseUrl, OBSERVER);
      const visible = await api.json<ModelDescriptionSummary[]>('GET', '/api/model-descriptions');
      const model = visible[0];
      expect(model).toBeDefined();
      const o = observer.page;
      await login(o, baseUrl, OBSERVER);
      await o.goto(`${baseUrl}/models/${model.id}`);
      await o.getByRole('heading', { level: 1, name: model.name }).waitFor();
      await waitForStatus(o, 'Ajan tasalla');
      await o.getByTestId('model-read-only').filter({ hasText: 'Sinulla on katseluoikeus' }).waitFor();
      const editor = sectionEditor(o);
      await editor.waitFor();
      expect(await editor.getAttribute('contenteditable')).toBe('false');
      expect(await editor.getAttribute('aria-readonly')).toBe('true');
      expect(await o.locator('[role="toolbar"]').count()).toBe(0);
      expect(await o.getByTestId('fact-place').getAttribute('readonly')).not.toBeNull();
      expect(await o.getByTestId('step-add').count()).toBe(0);
      await expectNoAxeViolations(o, 'read-only model editor');

      // The same page in Swedish and English: translated, and still without violations.
      for (const [language, heading] of [
        ['sv', 'Lösningens grundidé'],
        ['en', 'Basic idea of the solution'],
      ] as const) {
        await o.locator('#lang-select').selectOption(language);
        await o.getByRole('heading', { level: 2, name: heading }).waitFor();
        await expectNoAxeViolations(o, `read-only model editor (${language})`);
      }
      await o.locator('#lang-select').selectOption('fi');
      await o.getByRole('heading', { level: 2, name: 'Ratkaisun perusidea' }).waitFor();
      expect(observer.cspViolations).toEqual([]);
    });
  });

  describe('a coordinator locks a description in the project space', () => {
    let coordinator: Browser;
    let lockedUrl: string;
    const lockedName = `Lukittava malli ${Date.now()}`;

    beforeAll(async () => {
      const api = await ApiSession.login(baseUrl, COORDINATOR);
      const spaces = await api.json<Space[]>('GET', '/api/spaces');
      const projectSpace = spaces.find((s) => s.kind === 'project')!;
      const model = await api.json<ModelDescription>('POST', '/api/model-descriptions', { spaceId: projectSpace.id, name: lockedName });
      lockedUrl = `${baseUrl}/models/${model.id}`;
      coordinator = await openBrowser();
    });
    afterAll(() => coordinator?.close());

    it('makes the description read-only for the developer at once, and editable again when unlocked', async () => {
      const a = developer.page;
      const c = coordinator.page;
      await openEditor(a, lockedUrl, lockedName);
      expect(await sectionEditor(a).getAttribute('contenteditable')).toBe('true');
      expect(await a.getByTestId('model-lock').count()).toBe(0);

      await login(c, baseUrl, COORDINATOR);
      await openEditor(c, lockedUrl, lockedName);
      await c.getByTestId('model-lock').check();
      await c.getByText('Kuvaus on lukittu.').waitFor();

      // No reload: the developer's session reconnects with read-only rights and the page says why.
      await expect.poll(() => sectionEditor(a).getAttribute('contenteditable'), { timeout: 15_000 }).toBe('false');
      await a.getByTestId('model-read-only').filter({ hasText: 'Kuvaus on lukittu' }).waitFor({ timeout: 15_000 });
      expect(await a.locator('[role="toolbar"]').count()).toBe(0);

      await c.getByTestId('model-lock').uncheck();
      await c.getByText('Lukitus on avattu.').waitFor();
      await expect.poll(() => sectionEditor(a).getAttribute('contenteditable'), { timeout: 15_000 }).toBe('true');
      await a.getByTestId('model-read-only').waitFor({ state: 'detached', timeout: 15_000 });
    });
  });
});
