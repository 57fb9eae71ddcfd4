import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Material, Space } from '@kehittamo/shared/domain';
import { AddMaterialPage } from './add-material.page';

const space = (id: string, access: Space['access']): Space => ({
  id,
  name: `Työtila ${id}`,
  description: '',
  kind: 'project',
  organisationId: null,
  access,
  memberCount: 3,
  canManage: false,
});

describe('AddMaterialPage', () => {
  let fixture: ComponentFixture<AddMaterialPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;
  let navigated: (readonly unknown[])[];

  const byTestId = <T extends HTMLElement>(testId: string) => page.querySelector<T>(`[data-testid="${testId}"]`)!;
  async function type(testId: string, value: string): Promise<void> {
    const field = byTestId<HTMLInputElement | HTMLTextAreaElement>(testId);
    field.value = value;
    field.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    navigated = [];
    vi.spyOn(TestBed.inject(Router), 'navigate').mockImplementation(async (commands) => {
      navigated.push(commands);
      return true;
    });
    fixture = TestBed.createComponent(AddMaterialPage);
    fixture.componentRef.setInput('spaceId', 's2');
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    backend.expectOne('/api/spaces').flush([space('s1', 'view'), space('s2', 'edit'), space('s3', 'edit')]);
    backend.expectOne('/api/organisations').flush([]);
    backend.expectOne('/api/project').flush({ id: 'p', name: 'Hanke', startsOn: '2024-08-01', endsOn: '2026-12-31', workPackages: [] });
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('offers only spaces with edit access, preselects the one in the address and starts with a file', () => {
    const spaces = Array.from(byTestId<HTMLSelectElement>('material-space-input').options).map((option) => option.value);
    expect(spaces).toEqual(['', 's2', 's3']);
    expect(byTestId<HTMLSelectElement>('material-space-input').value).toBe('s2');
    expect(byTestId<HTMLInputElement>('material-kind-file').checked).toBe(true);
    expect(byTestId('material-file-input')).not.toBeNull();
  });

  it('refuses to send without a title or a file, and marks both', async () => {
    byTestId<HTMLButtonElement>('material-save').click();
    await fixture.whenStable();

    const title = byTestId('material-title-input');
    const titleError = title.closest('mat-form-field')?.querySelector('mat-error');
    expect(titleError?.textContent?.trim()).toBe('Tämä tieto tarvitaan.');
    expect(title.getAttribute('aria-describedby')).toContain(titleError?.id);
    expect(document.activeElement).toBe(title);
    expect(byTestId('material-file-error').textContent?.trim()).toBe('Valitse tiedosto.');
    backend.expectNone((request) => request.url.startsWith('/api/materials'));
  });

  it('uploads a file with its metadata and opens the new material', async () => {
    await type('material-title-input', 'Perhetyön opas');
    await type('material-tags-input', 'Perhetyö, mittarit, perhetyö');
    byTestId<HTMLInputElement>('material-wp-TP3').click();
    const file = new File(['%PDF-1.7'], 'opas.pdf', { type: 'application/pdf' });
    Object.defineProperty(byTestId('material-file-input'), 'files', { value: [file] });
    byTestId('material-file-input').dispatchEvent(new Event('change'));
    await fixture.whenStable();

    byTestId<HTMLButtonElement>('material-save').click();
    await fixture.whenStable();
    const upload = backend.expectOne('/api/materials/upload?spaceId=s2');
    const body = upload.request.body as FormData;
    expect(body.get('title')).toBe('Perhetyön opas');
    expect(body.get('tags')).toBe('Perhetyö,mittarit');
    expect(body.get('workPackages')).toBe('TP3');
    expect(body.get('type')).toBe('other');
    expect(body.get('language')).toBe('fi');
    expect(body.get('organisationId')).toBeNull();
    upload.event({ type: HttpEventType.UploadProgress, loaded: 1, total: 2 });
    upload.flush({ id: 'm9' } as Material, { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(navigated).toEqual([['/materials', 'm9']]);
  });

  it('saves a link with an http(s) address only', async () => {
    byTestId<HTMLInputElement>('material-kind-link').click();
    await fixture.whenStable();
    await type('material-title-input', 'Webinaari');
    await type('material-url-input', 'javascript:alert(1)');
    byTestId<HTMLButtonElement>('material-save').click();
    await fixture.whenStable();
    expect(page.textContent).toContain('Kirjoita osoite muodossa https://esimerkki.fi.');
    backend.expectNone('/api/materials');

    await type('material-url-input', 'https://example.fi/webinaari');
    byTestId<HTMLButtonElement>('material-save').click();
    const create = backend.expectOne('/api/materials');
    expect(create.request.body).toMatchObject({ spaceId: 's2', kind: 'link', title: 'Webinaari', url: 'https://example.fi/webinaari' });
    create.flush({ id: 'm10' } as Material);
    await fixture.whenStable();
    expect(navigated).toEqual([['/materials', 'm10']]);
  });

  it('shows the server’s complaint about a field next to that field', async () => {
    byTestId<HTMLInputElement>('material-kind-note').click();
    await fixture.whenStable();
    await type('material-title-input', 'Muistiinpano');
    await type('material-body-input', 'Muista **tämä**.');
    byTestId<HTMLButtonElement>('material-save').click();
    backend.expectOne('/api/materials').flush(
      { statusCode: 400, code: 'validation_failed', message: 'Validation failed', fields: [{ field: 'tags', problems: ['each tag must be letters, digits, spaces, _ or -'] }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    const tags = byTestId('material-tags-input');
    expect(tags.closest('mat-form-field')?.querySelector('mat-error')?.textContent).toContain('Tarkista tämä tieto.');
    expect(page.querySelector('[data-testid="error-message"]')?.textContent?.trim()).toBe(
      'Joissakin tiedoissa on korjattavaa. Tarkista merkityt kohdat.',
    );
  });
});
