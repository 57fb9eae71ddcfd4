import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MaterialSummary, MaterialTagCount, Page, Space } from '@kehittamo/shared/domain';
import { SEARCH_DEBOUNCE_MS } from './material-filters.component';
import { MATERIALS_PAGE_SIZE, MaterialsPage } from './materials.page';

const SPACE: Space = {
  id: 's1',
  name: 'Yhteinen työtila',
  description: '',
  kind: 'project',
  organisationId: null,
  access: 'edit',
  memberCount: 12,
  canManage: false,
};

function material(id: string, overrides: Partial<MaterialSummary> = {}): MaterialSummary {
  return {
    id,
    spaceId: 's1',
    spaceName: 'Yhteinen työtila',
    kind: 'file',
    title: `Materiaali ${id}`,
    description: '',
    tags: ['perhetyö'],
    workPackages: ['TP1'],
    organisationId: null,
    organisationName: null,
    type: 'guide',
    language: 'fi',
    url: null,
    file: {
      id: `f-${id}`,
      version: 1,
      filename: 'opas.pdf',
      format: 'pdf',
      mime: 'application/pdf',
      size: 1234,
      sha256: 'a'.repeat(64),
      status: 'clean',
      processing: 'done',
      hasPreview: true,
      uploadedBy: { id: 'u1', displayName: 'Kirsi' },
      uploadedAt: '2025-03-01T10:00:00.000Z',
    },
    excerpt: 'Opas vanhemmuuden tukeen.',
    usage: { views: 1234, downloads: 4, useful: 3 },
    markedUseful: false,
    createdBy: { id: 'u1', displayName: 'Kirsi' },
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('MaterialsPage', () => {
  let fixture: ComponentFixture<MaterialsPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const cards = () => Array.from(page.querySelectorAll<HTMLElement>('[data-testid="material-card"]'));
  const listRequest = () => backend.expectOne((request) => request.url === '/api/materials');
  const params = (request: TestRequest) =>
    Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));

  async function answer(request: TestRequest, items: MaterialSummary[], total = items.length): Promise<void> {
    request.flush({ items, total } satisfies Page<MaterialSummary>);
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MaterialsPage);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne('/api/spaces').flush([SPACE]);
    backend.expectOne('/api/organisations').flush([]);
    backend.expectOne('/api/project').flush({ id: 'p', name: 'Hanke', startsOn: '2024-08-01', endsOn: '2026-12-31', workPackages: [] });
    backend.expectOne('/api/materials/tags').flush([{ tag: 'perhetyö', count: 2 }] satisfies MaterialTagCount[]);
  });

  afterEach(() => backend.verify());

  it('lists the newest materials with what they are in words, their tags and use, and a way to add one', async () => {
    const first = listRequest();
    expect(params(first)).toEqual({ limit: String(MATERIALS_PAGE_SIZE), offset: '0' });
    await answer(first, [material('m1'), material('m2', { kind: 'link', file: null, type: 'recording' })]);

    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Materiaalit');
    expect(page.querySelector('[data-testid="material-add"]')?.getAttribute('href')).toBe('/materials/new');
    expect(cards().map((card) => card.dataset['materialId'])).toEqual(['m1', 'm2']);
    const [file, link] = cards();
    const facts = (card: HTMLElement) => Array.from(card.querySelectorAll('.kh-material-card__facts span')).map(text);
    expect(facts(file)).toEqual(['Tiedosto', 'PDF', 'Opas', 'Työtila: Yhteinen työtila']);
    expect(facts(link)).toEqual(['Linkki', 'Tallenne', 'Työtila: Yhteinen työtila']);
    expect(text(file.querySelector('[data-testid="material-usage"]'))).toBe('1 234 katselua · 4 latausta · 3 hyödyllinen');
    expect(file.querySelector('img')?.getAttribute('src')).toBe('/api/materials/m1/preview');
    expect(link.querySelector('img')).toBeNull();
    expect(text(page.querySelector('[data-testid="material-count"]'))).toBe('2 materiaalia');
  });

  it('searches after a pause in typing and marks the matching words', async () => {
    await answer(listRequest(), [material('m1')]);

    const search = page.querySelector<HTMLInputElement>('[data-testid="materials-search"]')!;
    expect(page.querySelector(`label[for="${search.id}"]`)?.textContent?.trim()).toBe('Hae materiaaleista');
    search.value = 'vanhemmuus';
    search.dispatchEvent(new Event('input'));
    await pause();

    const found = listRequest();
    expect(params(found)).toEqual({ q: 'vanhemmuus', limit: '20', offset: '0' });
    await answer(found, [
      material('m3', {
        snippet: [
          { text: 'Tuki ', match: false },
          { text: 'vanhemmuuteen', match: true },
          { text: ' kotona', match: false },
        ],
      }),
    ]);

    const snippet = cards()[0].querySelector('[data-testid="material-snippet"]')!;
    expect(Array.from(snippet.querySelectorAll('mark')).map((mark) => mark.textContent)).toEqual(['vanhemmuuteen']);
    expect(text(snippet)).toBe('Osuma: Tuki vanhemmuuteen kotona');
  });

  it('narrows by type and tag together with the search, and says plainly when nothing matches', async () => {
    await answer(listRequest(), [material('m1')]);

    const type = page.querySelector<HTMLSelectElement>('[data-testid="material-filter-type"]')!;
    type.value = 'guide';
    type.dispatchEvent(new Event('change'));
    const tag = page.querySelector<HTMLButtonElement>('[data-testid="material-filter-tag"][data-tag="perhetyö"]')!;
    expect(tag.getAttribute('aria-pressed')).toBe('false');
    tag.click();
    await pause();

    const narrowed = listRequest();
    expect(params(narrowed)).toEqual({ type: 'guide', tag: 'perhetyö', limit: '20', offset: '0' });
    expect(tag.getAttribute('aria-pressed')).toBe('true');
    await answer(narrowed, []);

    expect(cards()).toEqual([]);
    expect(text(page.querySelector('[data-testid="material-empty"]'))).toBe('Ei osumia. Kokeile toista sanaa tai poista rajauksia.');
  });

  it('shows more from where the list ended', async () => {
    const items = Array.from({ length: MATERIALS_PAGE_SIZE }, (_, index) => material(`m${index}`));
    await answer(listRequest(), items, 25);

    page.querySelector<HTMLButtonElement>('[data-testid="material-more"]')!.click();
    const next = listRequest();
    expect(params(next)).toEqual({ limit: '20', offset: '20' });
    await answer(next, [material('m20'), material('m21')], 25);

    expect(cards()).toHaveLength(22);
    expect(page.querySelector('[data-testid="material-more"]')).not.toBeNull();
    expect(document.activeElement?.closest('[data-testid="material-card"]')?.getAttribute('data-material-id')).toBe('m20');
  });
});
