import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NotificationStore } from '@kehittamo/web/core';
import { Subject } from 'rxjs';
import type { Material, MaterialCollection, MaterialCollectionSummary, MaterialFileVersion } from '@kehittamo/shared/domain';
import { MaterialPage } from './material.page';

const SHA = '3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b';

function version(n: number, status: MaterialFileVersion['status'] = 'clean'): MaterialFileVersion {
  return {
    id: `f${n}`,
    version: n,
    filename: `opas-v${n}.pdf`,
    format: 'pdf',
    mime: 'application/pdf',
    size: 1_572_864,
    sha256: SHA,
    status,
    processing: 'done',
    hasPreview: true,
    uploadedBy: { id: 'u1', displayName: 'Kirsi' },
    uploadedAt: '2025-03-01T10:00:00.000Z',
  };
}

function material(overrides: Partial<Material> = {}): Material {
  const current = version(2);
  return {
    id: 'm1',
    spaceId: 's1',
    spaceName: 'Yhteinen työtila',
    kind: 'file',
    title: 'Perhetyön opas',
    description: 'Opas tiimeille.',
    tags: ['perhetyö'],
    workPackages: ['TP1'],
    organisationId: null,
    organisationName: null,
    type: 'guide',
    language: 'fi',
    url: null,
    file: current,
    excerpt: '',
    usage: { views: 12, downloads: 4, useful: 3 },
    markedUseful: false,
    createdBy: { id: 'u1', displayName: 'Kirsi' },
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    body: null,
    versions: [current, version(1)],
    collections: [],
    canEdit: false,
    ...overrides,
  };
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('MaterialPage', () => {
  let fixture: ComponentFixture<MaterialPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const byTestId = <T extends HTMLElement>(testId: string) => page.querySelector<T>(`[data-testid="${testId}"]`);

  async function open(value: Material): Promise<void> {
    fixture.componentRef.setInput('id', value.id);
    await fixture.whenStable();
    backend.expectOne(`/api/materials/${value.id}`).flush(value);
    await fixture.whenStable();
    // The comment panel asks for the material's threads.
    backend
      .expectOne((request) => request.url === '/api/comment-threads' && request.params.get('kind') === 'material' && request.params.get('id') === value.id)
      .flush({ threads: [], can: { comment: true, moderate: false } });
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: NotificationStore, useValue: { threadChanged: new Subject(), live: signal(true) } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MaterialPage);
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  it('shows a file with its preview, format and size in Finnish, checksum, download and every version', async () => {
    await open(material());

    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Perhetyön opas');
    const preview = byTestId<HTMLImageElement>('material-preview')!;
    expect(preview.getAttribute('src')).toBe('/api/materials/m1/preview');
    expect(preview.alt).toBe('Esikatselu: Perhetyön opas');
    expect(text(byTestId('material-format'))).toBe('PDF, 1,5 Mt');
    expect(text(byTestId('material-checksum'))).toBe(SHA);
    expect(byTestId('material-download')?.getAttribute('href')).toBe('/api/materials/m1/download');
    expect(byTestId('material-download')?.hasAttribute('download')).toBe(true);
    const versions = Array.from(page.querySelectorAll('[data-testid="material-versions"] > li'));
    expect(versions.map((item) => text(item.querySelector('.kh-file__version')))).toEqual([
      'Versio 2 (nykyinen) · opas-v2.pdf',
      'Versio 1 · opas-v1.pdf',
    ]);
    expect(versions[1].querySelector('a')?.getAttribute('href')).toBe('/api/materials/m1/download?version=1');
    expect(byTestId('material-edit')).toBeNull(); // not the creator or a coordinator
  });

  it('does not offer a file that is still being checked', async () => {
    const pending = version(1, 'pending');
    await open(material({ file: { ...pending, hasPreview: false }, versions: [pending] }));

    expect(text(byTestId('material-file-pending'))).toBe('Tiedostoa tarkistetaan. Sen voi ladata pian.');
    expect(byTestId('material-download')).toBeNull();
    expect(byTestId('material-version-download')).toBeNull();
  });

  it('opens a link in a new tab, saying so, and renders a note with the comment format', async () => {
    await open(material({ kind: 'link', file: null, versions: [], url: 'https://example.fi/webinaari' }));
    const link = byTestId<HTMLAnchorElement>('material-open-link')!;
    expect(link.getAttribute('href')).toBe('https://example.fi/webinaari');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
    expect(text(link)).toBe('Avaa linkki (avautuu uuteen välilehteen)');

    await open(material({ id: 'm2', kind: 'note', file: null, versions: [], body: 'Muista **tämä**\n- yksi\n- kaksi' }));
    const note = byTestId('material-note')!;
    expect(note.querySelector('strong')?.textContent).toBe('tämä');
    expect(Array.from(note.querySelectorAll('li')).map((item) => item.textContent)).toEqual(['yksi', 'kaksi']);
  });

  it('marks it useful with a toggle button and shows the new count', async () => {
    await open(material());
    const useful = byTestId<HTMLButtonElement>('material-useful')!;
    expect(useful.getAttribute('aria-pressed')).toBe('false');

    useful.click();
    const request = backend.expectOne('/api/materials/m1/useful');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ useful: true });
    request.flush({ views: 12, downloads: 4, useful: 4 });
    await fixture.whenStable();

    expect(useful.getAttribute('aria-pressed')).toBe('true');
    expect(text(byTestId('material-usage'))).toBe('12 katselua · 4 latausta · 4 hyödyllinen');
  });

  it('adds it to a collection of its space chosen from a list', async () => {
    await open(material());
    expect(text(page.querySelector('#material-collections-heading + p'))).toBe('Ei vielä missään kokoelmassa.');

    byTestId<HTMLButtonElement>('material-add-to-collection')!.click();
    await fixture.whenStable();
    const summary = (id: string, spaceId: string, canEdit: boolean): MaterialCollectionSummary => ({
      id,
      spaceId,
      spaceName: 'Yhteinen työtila',
      title: `Polku ${id}`,
      description: '',
      itemCount: 0,
      createdBy: { id: 'u1', displayName: 'Kirsi' },
      updatedAt: '2025-03-01T10:00:00.000Z',
      canEdit,
    });
    backend.expectOne('/api/material-collections?spaceId=s1').flush([summary('c1', 's1', true), summary('c2', 's1', false)]);
    await fixture.whenStable();

    const select = byTestId<HTMLSelectElement>('collection-select')!;
    expect(Array.from(select.options).map((option) => option.value)).toEqual(['c1']);
    byTestId<HTMLButtonElement>('collection-add-confirm')!.click();
    const add = backend.expectOne('/api/material-collections/c1/items');
    expect(add.request.body).toEqual({ materialId: 'm1' });
    add.flush({ ...summary('c1', 's1', true), items: [] } satisfies MaterialCollection);
    await fixture.whenStable();
    backend.expectOne('/api/material-collections?spaceId=s1').flush([summary('c1', 's1', true)]);
    await fixture.whenStable();

    expect(text(byTestId('material-collections'))).toBe('Polku c1');
    expect(text(byTestId('notice'))).toBe('Lisätty kokoelmaan Polku c1.');
  });
});
