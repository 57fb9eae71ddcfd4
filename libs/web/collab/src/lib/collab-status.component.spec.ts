import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { CollabAwarenessUser } from '@kehittamo/shared/collab-protocol';
import type { SpaceAccess } from '@kehittamo/shared/domain';
import { I18nService } from '@kehittamo/web/core';
import type { CollabConnectionState, CollabProblem, CollabSaveState, CollabSession } from './collab-session';
import { CollabStatusComponent } from './collab-status.component';

/** The signals of a session, set by hand. */
function fakeSession() {
  const state = {
    connection: signal<CollabConnectionState>('connecting'),
    synced: signal(false),
    saveState: signal<CollabSaveState>('saved'),
    access: signal<SpaceAccess | null>('edit'),
    canEdit: signal(true),
    peers: signal<readonly CollabAwarenessUser[]>([]),
    problem: signal<CollabProblem | null>(null),
  };
  return { state, session: state as unknown as CollabSession };
}

describe('CollabStatusComponent', () => {
  let fixture: ComponentFixture<CollabStatusComponent>;
  let state: ReturnType<typeof fakeSession>['state'];
  const element = () => fixture.nativeElement as HTMLElement;
  const status = () => element().querySelector('[data-testid="collab-status"]')!;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const fake = fakeSession();
    state = fake.state;
    fixture = TestBed.createComponent(CollabStatusComponent);
    fixture.componentRef.setInput('session', fake.session);
    await fixture.whenStable();
  });

  async function show(patch: Partial<{ connection: CollabConnectionState; synced: boolean; saveState: CollabSaveState; canEdit: boolean }>) {
    if (patch.connection) state.connection.set(patch.connection);
    if (patch.synced !== undefined) state.synced.set(patch.synced);
    if (patch.saveState) state.saveState.set(patch.saveState);
    if (patch.canEdit !== undefined) state.canEdit.set(patch.canEdit);
    await fixture.whenStable();
    return status().textContent?.trim();
  }

  it('tells honestly, in a polite live region, whether changes are saved', async () => {
    expect(status().getAttribute('role')).toBe('status');
    expect(await show({})).toBe('Yhdistetään…');
    expect(await show({ connection: 'connected' })).toBe('Ladataan sisältöä…');
    expect(await show({ synced: true })).toBe('Tallennettu');
    expect(await show({ saveState: 'saving' })).toBe('Tallennetaan…');
    expect(await show({ connection: 'offline', synced: false, saveState: 'offline-unsaved' })).toBe(
      'Ei yhteyttä – muutokset säilyvät tällä laitteella',
    );
    expect(await show({ saveState: 'saved' })).toBe('Ei yhteyttä – yhdistetään uudelleen…');
    expect(await show({ connection: 'no-access' })).toBe('Sinulla ei ole pääsyä tähän sisältöön.');
  });

  it('does not claim to save for someone who cannot edit', async () => {
    expect(await show({ connection: 'connected', synced: true, canEdit: false })).toBe('Ajan tasalla');
  });

  it('speaks Swedish and English too', async () => {
    TestBed.inject(I18nService).language.set('sv');
    expect(await show({ connection: 'connected', synced: true, saveState: 'saving' })).toBe('Sparar…');
    TestBed.inject(I18nService).language.set('en');
    expect(await show({ connection: 'offline', saveState: 'offline-unsaved' })).toBe('Offline – changes are kept on this device');
  });

  it('shows the others present by name, with decorative colour dots, and announces refusals', async () => {
    const peers = () => element().querySelector('[data-testid="collab-peers"]')!;
    expect(peers().textContent).toContain('Ei muita paikalla.');
    state.peers.set([
      { id: 'a', name: 'Fasilitaattori (demo)', color: '#a50e0e', organisation: 'KAINUU' },
      { id: 'b', name: 'Kehittäjä (demo)', color: '#146c2e', organisation: 'KAINUU' },
    ]);
    await fixture.whenStable();
    const chips = Array.from(peers().querySelectorAll('li'));
    expect(chips.map((chip) => chip.textContent?.trim())).toEqual(['Fasilitaattori (demo)', 'Kehittäjä (demo)']);
    expect(chips[0].querySelector('span')!.getAttribute('aria-hidden')).toBe('true');
    const list = peers().querySelector('ul')!;
    expect(element().querySelector(`#${list.getAttribute('aria-labelledby')}`)?.textContent).toContain('Paikalla myös');

    state.problem.set('document-too-large');
    await fixture.whenStable();
    expect(element().querySelector('[role="alert"]')?.textContent).toContain('Lataa sivu uudelleen');
  });
});
