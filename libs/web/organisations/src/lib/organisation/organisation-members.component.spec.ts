import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { ApiError, Me, Member, PasswordResetLink } from '@kehittamo/shared/domain';
import { AuthStore } from '@kehittamo/web/core';
import { OrganisationMembersComponent } from './organisation-members.component';

const coordinator = { id: 'u-self', displayName: 'Koordinaattori', canManage: true, isAdmin: false } as Me;
const member = (userId: string, displayName: string, role: Member['role']): Member => ({
  userId,
  displayName,
  role,
  roleVisible: true,
  joinedAt: '2025-01-01T00:00:00.000Z',
});
const members = [
  member('u-self', 'Koordinaattori', 'coordinator'),
  member('u-fasi', 'Fasilitaattori', 'facilitator'),
  member('u-admin', 'Ylläpitäjä', 'admin'),
];
const link: PasswordResetLink = {
  url: 'https://kehittamo.example/reset-password?token=abc',
  expiresAt: '2025-01-01T01:00:00.000Z',
  emailSent: false,
};

describe('OrganisationMembersComponent: password-reset links', () => {
  let fixture: ComponentFixture<OrganisationMembersComponent>;
  let backend: HttpTestingController;

  const cards = () =>
    Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('[data-testid="organisation-member"]')) as HTMLElement[];
  const card = (name: string) => cards().find((c) => c.querySelector('h3')?.textContent?.trim() === name)!;
  const resetButton = (name: string) => card(name).querySelector('[data-testid="member-reset-link"]') as HTMLButtonElement | null;

  async function render(me: Me): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).set(me);
    fixture = TestBed.createComponent(OrganisationMembersComponent);
    fixture.componentRef.setInput('organisationId', 'o1');
    await fixture.whenStable();
    backend.expectOne('/api/organisations/o1/members').flush(members);
    await fixture.whenStable();
  }

  afterEach(() => backend.verify());

  it('offers a link for other members only, and for admins only to admins', async () => {
    await render(coordinator);
    expect(resetButton('Koordinaattori')).toBeNull();
    expect(resetButton('Ylläpitäjä')).toBeNull();
    expect(resetButton('Fasilitaattori')?.getAttribute('aria-label')).toBe(
      'Luo salasanan vaihtolinkki jäsenelle Fasilitaattori',
    );
  });

  it('lets an admin create a link for another admin', async () => {
    await render({ ...coordinator, isAdmin: true });
    expect(resetButton('Ylläpitäjä')).not.toBeNull();
  });

  it('shows the created link in the member’s card and announces it', async () => {
    await render(coordinator);
    resetButton('Fasilitaattori')!.click();
    const request = backend.expectOne('/api/organisations/o1/members/u-fasi/password-reset');
    expect(request.request.method).toBe('POST');
    request.flush(link);
    await fixture.whenStable();

    const row = card('Fasilitaattori');
    const url = row.querySelector('[data-testid="member-reset-url"]') as HTMLInputElement;
    expect(url.value).toBe(link.url);
    expect(url.readOnly).toBe(true);
    expect(row.querySelector(`label[for="${url.id}"]`)?.textContent).toContain('Salasanan vaihtolinkki: Fasilitaattori');
    expect(row.querySelector('[role="status"] [data-testid="member-reset-notice"]')?.textContent).toContain(
      'Linkkiä ei lähetetty sähköpostilla.',
    );
    expect(row.querySelector('[data-testid="member-reset-copy"]')).not.toBeNull();
    expect(card('Ylläpitäjä').querySelector('[data-testid="member-reset-url"]')).toBeNull();
  });

  it('shows a refusal in the member’s card', async () => {
    await render(coordinator);
    resetButton('Fasilitaattori')!.click();
    const forbidden: ApiError = { statusCode: 403, code: 'forbidden', message: 'Forbidden' };
    backend
      .expectOne('/api/organisations/o1/members/u-fasi/password-reset')
      .flush(forbidden, { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();

    const row = card('Fasilitaattori');
    expect(row.querySelector('[data-testid="error-message"]')?.textContent?.trim()).toBeTruthy();
    expect(row.querySelector('[data-testid="member-reset-url"]')).toBeNull();
  });
});
