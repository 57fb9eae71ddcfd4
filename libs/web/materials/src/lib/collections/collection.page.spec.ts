import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { MaterialCollection, MaterialSummary } from '@kehittamo/shared/domain';
import { CollectionPage } from './collection.page';

function item(id: string, title: string): MaterialSummary {
  return {
    id,
    spaceId: 's1',
    spaceName: 'Yhteinen työtila',
    kind: 'note',
    title,
    description: '',
    tags: [],
    workPackages: [],
    organisationId: null,
    organisationName: null,
    type: 'guide',
    language: 'fi',
    url: null,
    file: null,
    excerpt: '',
    usage: { views: 0, downloads: 0, useful: 0 },
    markedUseful: false,
    createdBy: { id: 'u1', displayName: 'Kirsi' },
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
  };
}

const [A, B, C] = [item('m1', 'Aloitus'), item('m2', 'Bussimatka'), item('m3', 'Cafe-ilta')];

function collection(items: MaterialSummary[], canEdit = true): MaterialCollection {
  return {
    id: 'c1',
    spaceId: 's1',
    spaceName: 'Yhteinen työtila',
    title: 'Uuden työntekijän polku',
    description: 'Lue nämä ensin.',
    itemCount: items.length,
    createdBy: { id: 'u1', displayName: 'Kirsi' },
    updatedAt: '2025-03-01T10:00:00.000Z',
    canEdit,
    items,
  };
}

describe('CollectionPage', () => {
  let fixture: ComponentFixture<CollectionPage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const steps = () => Array.from(page.querySelectorAll<HTMLElement>('[data-testid="collection-item"]'));
  const order = () => steps().map((step) => step.dataset['materialId']);
  const button = (step: HTMLElement, testId: string) => step.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);

  async function open(value: MaterialCollection): Promise<void> {
    fixture.componentRef.setInput('id', 'c1');
    await fixture.whenStable();
    backend.expectOne('/api/material-collections/c1').flush(value);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CollectionPage);
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  it('shows the steps in order, each linking to its material, with move buttons only where a move is possible', async () => {
    await open(collection([A, B, C]));

    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Uuden työntekijän polku');
    expect(page.querySelector('ol[data-testid="collection-items"]')).not.toBeNull();
    expect(order()).toEqual(['m1', 'm2', 'm3']);
    expect(steps()[1].querySelector('a')?.getAttribute('href')).toBe('/materials/m2');
    expect(button(steps()[0], 'collection-move-up')).toBeNull();
    expect(button(steps()[2], 'collection-move-down')).toBeNull();
    expect(button(steps()[1], 'collection-move-up')?.getAttribute('aria-label')).toBe('Siirrä ylös: Bussimatka');
  });

  it('moves a step up with the keyboard-reachable button: sends the new order, announces it and keeps focus on the step', async () => {
    await open(collection([A, B, C]));

    button(steps()[1], 'collection-move-up')!.click();
    const reorder = backend.expectOne('/api/material-collections/c1/items');
    expect(reorder.request.method).toBe('PUT');
    expect(reorder.request.body).toEqual({ materialIds: ['m2', 'm1', 'm3'] });
    reorder.flush(collection([B, A, C]));
    await fixture.whenStable();

    expect(order()).toEqual(['m2', 'm1', 'm3']);
    expect(page.querySelector('[data-testid="notice"]')?.textContent?.trim()).toBe('Bussimatka on nyt kohdassa 1.');
    // At the top there is no "up" any more: focus goes to the step's other move button.
    expect(document.activeElement).toBe(button(steps()[0], 'collection-move-down'));
  });

  it('moves a step down and removes one', async () => {
    await open(collection([A, B, C]));

    button(steps()[0], 'collection-move-down')!.click();
    const reorder = backend.expectOne('/api/material-collections/c1/items');
    expect(reorder.request.body).toEqual({ materialIds: ['m2', 'm1', 'm3'] });
    reorder.flush(collection([B, A, C]));
    await fixture.whenStable();
    expect(document.activeElement).toBe(button(steps()[1], 'collection-move-down'));

    button(steps()[2], 'collection-remove')!.click();
    const removal = backend.expectOne('/api/material-collections/c1/items/m3');
    expect(removal.request.method).toBe('DELETE');
    removal.flush(collection([B, A]));
    await fixture.whenStable();
    expect(order()).toEqual(['m2', 'm1']);
    expect(page.querySelector('[data-testid="notice"]')?.textContent?.trim()).toBe('Cafe-ilta poistettu kokoelmasta.');
  });

  it('offers no changes to a reader who may not edit', async () => {
    await open(collection([A, B], false));

    expect(order()).toEqual(['m1', 'm2']);
    expect(page.querySelector('[data-testid^="collection-move"], [data-testid="collection-remove"]')).toBeNull();
    expect(page.querySelector('[data-testid="collection-delete"]')).toBeNull();
  });
});
