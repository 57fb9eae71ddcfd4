import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Me, Organisation, ProgressPermissions, WorkPackageProgress } from '@kehittamo/shared/domain';
import { AuthStore } from '@kehittamo/web/core';
import { ProgressApi } from '../progress.api';
import { ISO, KAINUU, permissions, task, text, workPackage } from '../testing/fixtures';
import { WorkPackagePage } from './work-package.page';

const parent = task({
  id: 't1',
  title: 'Kokemusasiantuntijoiden rakenne',
  canEdit: true,
  percent: 40,
  ownerName: 'Kirsi K.',
  suggestion: { percent: 60, basis: { subtasksDone: 3, subtasks: 5, models: 1, modelPercent: null } },
});
const child = task({ id: 't2', parentId: 't1', title: 'Palkkiomalli', percent: 100, status: 'done', canEdit: true });
const milestone = task({
  id: 'm1',
  kind: 'milestone',
  title: 'Rakenne hyväksytty',
  organisationId: KAINUU,
  organisationShortName: 'Kainuu',
  dueOn: '2024-12-15',
  status: 'delayed',
  overdue: true,
});
const tp4 = workPackage({ tasks: [parent, child, milestone], percent: 40, overdue: 1 });

const organisations: Organisation[] = [
  { id: ISO, name: 'Itä-Suomen sosiaalialan osaamiskeskus', shortName: 'ISO', kind: 'main', memberCount: 5 },
  { id: KAINUU, name: 'Kainuun hyvinvointialue', shortName: 'Kainuu', kind: 'region', memberCount: 4 },
];

const me: Me = {
  id: 'u1',
  email: 'kirsi@example.fi',
  displayName: 'Kirsi K.',
  realName: null,
  language: 'fi',
  memberships: [],
  isAdmin: false,
  canManage: false,
};

describe('WorkPackagePage', () => {
  let fixture: ComponentFixture<WorkPackagePage>;
  let page: HTMLElement;
  let backend: HttpTestingController;

  const byTestId = <T extends HTMLElement>(testId: string, within: ParentNode = page) => within.querySelector<T>(`[data-testid="${testId}"]`)!;
  const row = (id: string) => page.querySelector<HTMLElement>(`[data-testid="wp-task-row"][data-task-id="${id}"]`)!;
  async function change(testId: string, value: string, event = 'change'): Promise<void> {
    const field = byTestId<HTMLInputElement | HTMLSelectElement>(testId);
    field.value = value;
    field.dispatchEvent(new Event(event));
    await fixture.whenStable();
  }

  async function open(rights: ProgressPermissions, value: WorkPackageProgress = tp4): Promise<void> {
    fixture.componentRef.setInput('code', 'TP4');
    await fixture.whenStable();
    backend.expectOne('/api/progress/permissions').flush(rights);
    backend.expectOne('/api/progress/work-packages/TP4').flush(value);
    await fixture.whenStable();
    if (rights.editableOrganisationIds.length) {
      backend.expectOne('/api/organisations').flush(organisations);
      await fixture.whenStable();
    }
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), ProgressApi] });
    TestBed.inject(AuthStore).set(me);
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WorkPackagePage);
    page = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => backend.verify());

  it('groups the tasks by organisation, indents sub-tasks and shows the suggested % with its basis beside the entered one', async () => {
    await open(permissions(), { ...tp4, tasks: tp4.tasks.map((known) => ({ ...known, canEdit: false })) });

    expect(text(page.querySelector('h1'))).toBe('TP4 Kokemusasiantuntijuus kehittämisessä');
    expect(text(byTestId('wp-objective'))).toBe('Rakenteet kokemusasiantuntijoiden mukanaololle.');
    expect(byTestId('csv-tasks').getAttribute('href')).toBe('/api/progress/export/tasks.csv');
    expect(Array.from(page.querySelectorAll('table caption')).map((caption) => text(caption))).toEqual(['ISO', 'Kainuu']);
    expect(Array.from(page.querySelectorAll('[data-testid="wp-task-row"]')).map((tr) => tr.getAttribute('data-task-id'))).toEqual(['t1', 't2', 'm1']);

    expect(text(byTestId('wp-task-suggestion', row('t1')))).toBe('Ehdotus 60 %: 3/5 alatehtävää valmis, 1 toimintamalli');
    expect(text(row('t1'))).toContain('40 %');
    expect(text(row('t1'))).toContain('Kirsi K.');
    expect(text(row('t2').querySelector('th'))).toBe('↳ Alatehtävä: Palkkiomalli');
    expect(text(row('m1'))).toContain('Välitavoite');
    expect(text(row('m1'))).toContain('15.12.2024 Yli määräajan');
    expect(text(row('m1'))).toContain('Myöhässä');

    // Viewers get no edit buttons, no objective editing and no add form.
    expect(page.querySelector('[data-testid="wp-task-edit"]')).toBeNull();
    expect(page.querySelector('[data-testid="wp-objective-edit"]')).toBeNull();
    expect(page.querySelector('[data-testid="wp-add-task"]')).toBeNull();
  });

  it('saves a task’s status and % with PATCH, then reloads the totals and returns focus to its Edit button', async () => {
    await open(permissions({ editableOrganisationIds: [ISO] }));
    expect(byTestId('wp-task-edit', row('m1'))).toBeNull(); // Kainuu's milestone is not editable

    byTestId<HTMLButtonElement>('wp-task-edit', row('t1')).click();
    await fixture.whenStable();
    expect(byTestId('wp-task-edit', row('t1')).getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(byTestId('wp-task-status'));
    expect(byTestId<HTMLInputElement>('wp-task-percent').value).toBe('40');

    await change('wp-task-status', 'at-risk');
    await change('wp-task-percent', '70', 'input');
    byTestId<HTMLButtonElement>('wp-task-save').click();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/progress/tasks/t1' });
    expect(patch.request.body).toEqual({
      status: 'at-risk',
      percent: 70,
      dueOn: '2025-06-30',
      title: 'Kokemusasiantuntijoiden rakenne',
      description: '',
    });
    patch.flush({ ...parent, status: 'at-risk', percent: 70 });
    await fixture.whenStable();

    expect(text(row('t1'))).toContain('Riskissä');
    expect(text(row('t1'))).toContain('70 %');
    expect(page.querySelector('[data-testid="wp-task-save"]')).toBeNull();
    expect(text(byTestId('notice'))).toBe('Muutokset tallennettu.');
    expect(document.activeElement).toBe(byTestId('wp-task-edit', row('t1')));
    backend.expectOne('/api/progress/work-packages/TP4').flush(tp4);
  });

  it('refuses a % outside 0–100 and says so at the field', async () => {
    await open(permissions({ editableOrganisationIds: [ISO] }));
    byTestId<HTMLButtonElement>('wp-task-edit', row('t2')).click();
    await fixture.whenStable();

    await change('wp-task-percent', '150', 'input');
    byTestId<HTMLButtonElement>('wp-task-save').click();
    await fixture.whenStable();

    const percent = byTestId('wp-task-percent');
    const error = percent.closest('mat-form-field')?.querySelector('mat-error');
    expect(text(error)).toBe('Anna luku 0–100.');
    expect(percent.getAttribute('aria-describedby')).toContain(error?.id);
    backend.expectNone({ method: 'PATCH', url: '/api/progress/tasks/t2' });
  });

  it('lets a coordinator change the objective', async () => {
    await open(permissions({ editableOrganisationIds: [ISO, KAINUU], canManage: true }));

    byTestId<HTMLButtonElement>('wp-objective-edit').click();
    await fixture.whenStable();
    const input = byTestId<HTMLTextAreaElement>('wp-objective-input');
    expect(document.activeElement).toBe(input);
    input.value = '  Kokemusasiantuntijat mukana kaikessa kehittämisessä. ';
    input.dispatchEvent(new Event('input'));
    byTestId<HTMLButtonElement>('wp-objective-save').click();

    const put = backend.expectOne({ method: 'PUT', url: '/api/progress/work-packages/TP4/objective' });
    expect(put.request.body).toEqual({ objective: 'Kokemusasiantuntijat mukana kaikessa kehittämisessä.' });
    put.flush({ ...tp4, objective: 'Kokemusasiantuntijat mukana kaikessa kehittämisessä.' });
    await fixture.whenStable();

    expect(text(byTestId('wp-objective'))).toBe('Kokemusasiantuntijat mukana kaikessa kehittämisessä.');
    expect(document.activeElement).toBe(byTestId('wp-objective-edit'));
  });

  it('adds a sub-task for an editable organisation, owned by the user', async () => {
    await open(permissions({ editableOrganisationIds: [ISO] }));

    // The only editable organisation is chosen already; its top-level tasks are the parents on offer.
    expect(byTestId<HTMLSelectElement>('wp-new-organisation').value).toBe(ISO);
    expect(Array.from(byTestId<HTMLSelectElement>('wp-new-parent').options).map((option) => option.value)).toEqual(['', 't1']);

    byTestId<HTMLButtonElement>('wp-new-save').click();
    await fixture.whenStable();
    expect(text(byTestId('wp-new-title').closest('mat-form-field')?.querySelector('mat-error'))).toBe('Tämä tieto tarvitaan.');
    backend.expectNone('/api/progress/tasks');

    await change('wp-new-title', 'Palautekysely', 'input');
    await change('wp-new-due', '2025-09-30', 'input');
    await change('wp-new-parent', 't1');
    await change('wp-new-owner', 'me');
    byTestId<HTMLButtonElement>('wp-new-save').click();

    const post = backend.expectOne({ method: 'POST', url: '/api/progress/tasks' });
    expect(post.request.body).toEqual({
      workPackageId: 'wp4',
      organisationId: ISO,
      kind: 'task',
      title: 'Palautekysely',
      description: '',
      startsOn: null,
      dueOn: '2025-09-30',
      parentId: 't1',
      status: 'not-started',
      percent: 0,
      ownerId: 'u1',
    });
    post.flush(task({ id: 't3', parentId: 't1', title: 'Palautekysely' }), { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    backend.expectOne('/api/progress/work-packages/TP4').flush(tp4);
    expect(byTestId<HTMLInputElement>('wp-new-title').value).toBe('');
    expect(text(byTestId('notice'))).toBe('Muutokset tallennettu.');
  });

  it('offers no parent for a milestone', async () => {
    await open(permissions({ editableOrganisationIds: [ISO] }));
    byTestId<HTMLInputElement>('wp-new-kind-milestone').click();
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="wp-new-parent"]')).toBeNull();
  });
});
