import { createCanvas } from '@napi-rs/canvas';
import { createHash, randomBytes } from 'node:crypto';
import type { Material, MaterialCollection, MaterialCollectionSummary, Space } from '@kehittamo/shared/domain';
import { ApiSession, pdfFile } from '@kehittamo/server/testing';
import type { CDPSession, Page } from 'playwright-core';
import { inject } from 'vitest';
import { expectNoAxeViolations, login, openBrowser, waitForHeading, type Browser } from './support/browser';

const baseUrl = inject('baseUrl');
const DEVELOPER = 'developer@demo.kehittamo.fi';
const stamp = Date.now();

/** A PNG of random pixels (it does not compress): about `side`² × 4 bytes, enough for an upload to take a while. */
function noisePng(side: number): Buffer {
  const canvas = createCanvas(side, side);
  const context = canvas.getContext('2d');
  const image = context.createImageData(side, side);
  const noise = randomBytes(image.data.length);
  for (let i = 0; i < image.data.length; i++) image.data[i] = i % 4 === 3 ? 255 : noise[i];
  context.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}

/** Slows the browser's uploads down to `bytesPerSecond` (Chromium network emulation), or back to normal. */
async function throttleUploads(cdp: CDPSession, bytesPerSecond: number | null): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond ?? -1,
  });
}

async function fillFileForm(page: Page, spaceId: string, title: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.goto(`${baseUrl}/materials/new`);
  await waitForHeading(page);
  await page.getByTestId('material-kind-file').check();
  await page.getByTestId('material-space-input').selectOption(spaceId);
  await page.getByTestId('material-title-input').fill(title);
  await page.getByTestId('material-file-input').setInputFiles(file);
}

async function uploadByApi(api: ApiSession, spaceId: string, title: string, file: Buffer, filename: string, mime: string): Promise<Material> {
  const form = new FormData();
  form.set('title', title);
  form.set('file', new Blob([new Uint8Array(file)], { type: mime }), filename);
  const res = await api.request('POST', `/api/materials/upload?spaceId=${spaceId}`, form);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Material;
}

describe('material library in the browser', () => {
  let browser: Browser;
  let cdp: CDPSession;
  let api: ApiSession;
  let projectSpace: string;

  beforeAll(async () => {
    api = await ApiSession.login(baseUrl, DEVELOPER);
    projectSpace = (await api.json<Space[]>('GET', '/api/spaces')).find((s) => s.kind === 'project')!.id;
    browser = await openBrowser();
    cdp = await browser.context.newCDPSession(browser.page);
    await login(browser.page, baseUrl, DEVELOPER);
  });
  afterAll(() => browser?.close());

  it('uploads a file with visible progress, then shows its preview, checksum and download', async () => {
    const page = browser.page;
    const image = noisePng(600);
    const title = `Kohinakuva ${stamp}`;
    await fillFileForm(page, projectSpace, title, { name: 'kohina.png', mimeType: 'image/png', buffer: image });
    await throttleUploads(cdp, 400 * 1024);
    await page.getByTestId('material-save').click();
    const progress = page.getByTestId('material-upload-progress');
    await progress.waitFor({ state: 'visible' });
    // Somewhere between the start and the end, the bar shows partial progress.
    await expect.poll(async () => Number((await progress.getAttribute('value')) ?? 0), { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
    const midway = Number(await progress.getAttribute('value'));
    expect(midway).toBeLessThan(100);
    await page.waitForURL(/\/materials\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await throttleUploads(cdp, null);
    expect(await waitForHeading(page)).toBe(title);

    // The preview is made in the background: it appears once processing is done.
    const preview = page.getByTestId('material-preview');
    await expect
      .poll(
        async () => {
          if (!(await preview.count())) await page.reload();
          return preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth).catch(() => 0);
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await expect(page.getByTestId('material-checksum').textContent()).resolves.toContain(createHash('sha256').update(image).digest('hex'));
    const download = await page.getByTestId('material-download').getAttribute('href');
    expect(download).toMatch(/\/api\/materials\/[0-9a-f-]{36}\/download$/);
    await expectNoAxeViolations(page, 'material detail (file)');
  });

  it('cancels an upload in progress: the request is aborted and the form stays as it was', async () => {
    const page = browser.page;
    const title = `Peruttu ${stamp}`;
    await fillFileForm(page, projectSpace, title, { name: 'peruttu.png', mimeType: 'image/png', buffer: noisePng(700) });
    const aborted = new Promise<string>((resolve) =>
      page.on('requestfailed', (request) => {
        if (request.url().includes('/api/materials/upload')) resolve(request.failure()?.errorText ?? '');
      }),
    );
    await throttleUploads(cdp, 100 * 1024);
    await page.getByTestId('material-save').click();
    await page.getByTestId('material-upload-progress').waitFor({ state: 'visible' });
    await page.getByTestId('material-upload-cancel').click();
    // (What the server does with a connection cut mid-upload — keep nothing — is proven in apps/api/tests/materials.int-spec.ts.)
    await expect(aborted).resolves.toBe('net::ERR_ABORTED');
    await throttleUploads(cdp, null);
    await page.getByTestId('material-upload-progress').waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/materials/new');
    await expect(page.getByTestId('material-title-input').inputValue()).resolves.toBe(title);
    await expect(page.locator('kh-material-upload kh-notice').innerText()).resolves.toMatch(/\S/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('material-file-input');
  });

  it('finds a word inside a PDF in an inflected form, with the match highlighted', async () => {
    const page = browser.page;
    const pdf = await pdfFile([[`Iltapäivystys ${stamp}`, 'Perhetyöntekijöiden iltapäivystys tukee vanhemmuutta kriisin keskellä.']]);
    const material = await uploadByApi(api, projectSpace, `Iltapäivystyksen opas ${stamp}`, pdf, 'opas.pdf', 'application/pdf');
    await expect
      .poll(async () => (await api.json<Material>('GET', `/api/materials/${material.id}`)).file?.processing, { timeout: 30_000, interval: 300 })
      .toBe('done');
    await page.goto(`${baseUrl}/materials`);
    await waitForHeading(page);
    await page.getByTestId('materials-search').fill('vanhemmuus');
    // The search's own result: the card with a snippet whose match is the inflected form.
    const mark = page.locator(`[data-testid="material-card"][data-material-id="${material.id}"] [data-testid="material-snippet"] mark`).first();
    await mark.waitFor({ state: 'visible', timeout: 15_000 });
    await expect(mark.textContent()).resolves.toBe('vanhemmuutta');
    await expectNoAxeViolations(page, 'material search results');
  });

  it('adds a material to a learning path and reorders the path by keyboard', async () => {
    const page = browser.page;
    const note = await api.json<Material>('POST', '/api/materials', { spaceId: projectSpace, kind: 'note', title: `Polun muistiinpano ${stamp}`, body: 'Lue tämä ensin.' });
    const path = (await api.json<MaterialCollectionSummary[]>('GET', `/api/material-collections?spaceId=${projectSpace}`)).find((c) =>
      c.title.startsWith('Johdatus hankkeeseen'),
    )!;
    const before = await api.json<MaterialCollection>('GET', `/api/material-collections/${path.id}`);

    await page.goto(`${baseUrl}/materials/${note.id}`);
    await waitForHeading(page);
    await page.getByTestId('material-add-to-collection').click();
    await page.getByTestId('collection-select').selectOption(path.id);
    await page.getByTestId('collection-add-confirm').click();
    await page.getByTestId('material-collections').getByText(path.title).waitFor();

    await page.goto(`${baseUrl}/materials/collections/${path.id}`);
    await waitForHeading(page);
    const items = page.getByTestId('collection-item');
    await expect.poll(() => items.count()).toBe(before.items.length + 1);
    await expect.poll(() => items.last().getAttribute('data-material-id')).toBe(note.id);
    // Move it to the front with the keyboard alone.
    for (let i = 0; i < before.items.length; i++) {
      const upButton = page.locator(`[data-testid="collection-item"][data-material-id="${note.id}"] [data-testid="collection-move-up"]`);
      await upButton.focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(async () => (await api.json<MaterialCollection>('GET', `/api/material-collections/${path.id}`)).items.findIndex((m) => m.id === note.id))
        .toBe(before.items.length - 1 - i);
    }
    await expect.poll(() => items.first().getAttribute('data-material-id')).toBe(note.id);
    await expectNoAxeViolations(page, 'collection');
  });

  it('has zero axe violations on the library, the add form and the collections list, also at 320 px', async () => {
    const narrow = await openBrowser({ width: 320, height: 700 });
    try {
      await login(narrow.page, baseUrl, DEVELOPER);
      for (const b of [browser, narrow]) {
        for (const path of ['/materials', '/materials/new', '/materials/collections']) {
          await b.page.goto(`${baseUrl}${path}`);
          await waitForHeading(b.page);
          await b.page.waitForLoadState('networkidle');
          await expectNoAxeViolations(b.page, `${path} at ${b.page.viewportSize()?.width} px`);
        }
      }
      // Nothing sticks out sideways on a phone.
      const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await narrow.close();
    }
  });
});
