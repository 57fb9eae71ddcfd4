import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { ApiError, Material } from '@kehittamo/shared/domain';
import { MaterialApi } from './material.api';
import { MaterialUploadComponent } from './material-upload.component';

const UPLOAD_URL = '/api/materials/upload?spaceId=s1';
const MiB = 1024 * 1024;

/** Spaces in numbers (Intl puts a no-break space before "%" and between digit groups) as plain spaces. */
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('MaterialUploadComponent', () => {
  let fixture: ComponentFixture<MaterialUploadComponent>;
  let upload: MaterialUploadComponent;
  let page: HTMLElement;
  let backend: HttpTestingController;
  let uploaded: Material[];
  let failed: unknown[];

  const byTestId = <T extends HTMLElement>(testId: string) => page.querySelector<T>(`[data-testid="${testId}"]`);
  const input = () => byTestId<HTMLInputElement>('material-file-input')!;

  async function choose(name: string, size?: number): Promise<File> {
    const file = new File(['%PDF-1.7 hello'], name, { type: 'application/pdf' });
    if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
    Object.defineProperty(input(), 'files', { value: [file], configurable: true });
    input().dispatchEvent(new Event('change'));
    await fixture.whenStable();
    return file;
  }

  async function start(): Promise<TestRequest> {
    const api = TestBed.inject(MaterialApi);
    expect(upload.start((file) => api.upload('s1', { title: 'Perhetyön opas', tags: ['perhetyö', 'opas'] }, file))).toBe(true);
    await fixture.whenStable();
    return backend.expectOne(UPLOAD_URL);
  }

  async function progress(request: TestRequest, loaded: number, total = 200): Promise<void> {
    request.event({ type: HttpEventType.UploadProgress, loaded, total });
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MaterialUploadComponent);
    upload = fixture.componentInstance;
    page = fixture.nativeElement as HTMLElement;
    uploaded = [];
    failed = [];
    upload.uploaded.subscribe((material) => uploaded.push(material));
    upload.failed.subscribe((failure) => failed.push(failure));
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('is a labelled file input that says what it takes, and tells the chosen file in words', async () => {
    expect(text(page.querySelector(`label[for="${input().id}"]`))).toBe('Tiedosto');
    expect(input().accept).toContain('.pdf');
    expect(input().getAttribute('aria-describedby')).toBe('material-file-hint');
    expect(text(byTestId('material-file-input')?.ownerDocument.getElementById('material-file-hint'))).toBe(
      'Pudota tiedosto tähän tai valitse se. Enintään 200 Mt.',
    );

    await choose('opas.pdf');
    expect(text(byTestId('material-file-chosen'))).toMatch(/^Valittu: opas\.pdf, 14 t$/);
    expect(input().getAttribute('aria-describedby')).toBe('material-file-hint material-file-chosen');
  });

  it('sends the metadata before the file and moves the bar with the upload, announcing every ten percent', async () => {
    await choose('opas.pdf');
    const request = await start();

    const body = request.request.body as FormData;
    const fields: string[] = [];
    body.forEach((_, name) => fields.push(name));
    expect(fields).toEqual(['title', 'tags', 'file']);
    expect(body.get('tags')).toBe('perhetyö,opas');
    expect(request.request.reportProgress).toBe(true);

    const bar = () => byTestId<HTMLProgressElement>('material-upload-progress')!;
    const status = () => text(byTestId('material-upload-status'));
    expect(bar().value).toBe(0);

    await progress(request, 50);
    expect(bar().value).toBe(25);
    expect(text(byTestId('material-upload-percent'))).toBe('25 %');
    expect(status()).toBe('Ladattu 20 %.');

    await progress(request, 58); // 29 %: the bar moves, the screen reader is not told again
    expect(bar().value).toBe(29);
    expect(status()).toBe('Ladattu 20 %.');

    await progress(request, 200);
    expect(status()).toBe('Ladattu 100 %.');
    expect(page.textContent).toContain('Lähetetty. Tiedostoa tarkistetaan…');

    const material = { id: 'm1', title: 'Perhetyön opas' } as Material;
    request.flush(material, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(uploaded).toEqual([material]);
    expect(byTestId('material-upload-progress')).toBeNull();
    expect(upload.busy()).toBe(false);
  });

  it('aborts the request on Cancel and returns to the picker with a message', async () => {
    await choose('opas.pdf');
    const request = await start();
    await progress(request, 40);

    byTestId<HTMLButtonElement>('material-upload-cancel')!.click();
    await fixture.whenStable();

    expect(request.cancelled).toBe(true);
    expect(byTestId('material-upload-progress')).toBeNull();
    expect(input().closest('[hidden]')).toBeNull();
    expect(text(byTestId('notice'))).toBe('Lataus peruttiin. Tiedostoa ei tallennettu.');
    expect(document.activeElement).toBe(input());
    expect(uploaded).toEqual([]);
  });

  it('explains at the field when the server refuses the size (413)', async () => {
    await choose('video.mp4');
    const request = await start();
    const refusal: ApiError = { statusCode: 413, code: 'payload_too_large', message: 'Payload too large' };
    request.flush(refusal, { status: 413, statusText: 'Payload Too Large' });
    await fixture.whenStable();

    const error = byTestId('material-file-error')!;
    expect(text(error)).toBe('Tiedosto on liian suuri. Enintään 200 Mt.');
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(input().getAttribute('aria-describedby')).toContain(error.id);
    expect(failed).toEqual([]);
  });

  it('refuses a file over the limit before sending anything', async () => {
    await choose('huge.mp4', 300 * MiB);
    expect(text(byTestId('material-file-error'))).toBe('Tiedosto on liian suuri. Enintään 200 Mt.');

    const api = TestBed.inject(MaterialApi);
    expect(upload.start((file) => api.upload('s1', { title: 'Iso' }, file))).toBe(false);
    backend.expectNone(UPLOAD_URL);
  });

  it('says so when the format is not allowed', async () => {
    await choose('script.svg');
    const request = await start();
    const refusal: ApiError = {
      statusCode: 400,
      code: 'validation_failed',
      message: 'Validation failed',
      fields: [{ field: 'file', problems: ['file type is not allowed'] }],
    };
    request.flush(refusal, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    expect(text(byTestId('material-file-error'))).toBe('Tätä tiedostomuotoa ei voi tallentaa.');
    expect(failed).toEqual([]);
  });

  it('takes a dropped file like a chosen one', async () => {
    const file = new File(['x'], 'kuva.png', { type: 'image/png' });
    const zone = input().parentElement!;
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [file] } });
    zone.dispatchEvent(drop);
    await fixture.whenStable();

    expect(drop.defaultPrevented).toBe(true);
    expect(text(byTestId('material-file-chosen'))).toMatch(/^Valittu: kuva\.png/);
  });
});
