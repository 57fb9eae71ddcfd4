import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError, CommentWriteOptions, MentionCandidate } from '@kehittamo/shared/domain';
import { CommentComposerComponent, MENTION_DEBOUNCE_MS } from './comment-composer.component';
import { mentionQueryAt } from './mention-query';

const KETTU: MentionCandidate = { id: '0b7c1a52-3f0e-4c7a-9a53-1d2e3f4a5b6c', displayName: 'Kettu K.' };
const KERTTU: MentionCandidate = { id: '9e8d7c6b-5a49-4838-a726-150f4e3d2c1b', displayName: 'Kerttu' };

describe('CommentComposerComponent', () => {
  let fixture: ComponentFixture<CommentComposerComponent>;
  let page: HTMLElement;
  let backend: HttpTestingController;
  let sent: CommentWriteOptions[];

  const textarea = () => page.querySelector<HTMLTextAreaElement>('[data-testid="comment-input"]')!;
  const button = (testId: string) => page.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
  const options = () => Array.from(page.querySelectorAll<HTMLElement>('[role="option"]'));

  /** Types as the browser would report it: the whole value, the caret at its end, then `input`. */
  async function type(value: string): Promise<void> {
    const element = textarea();
    element.focus();
    element.value = value;
    element.setSelectionRange(value.length, value.length);
    element.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await fixture.whenStable();
  }

  async function key(name: string): Promise<KeyboardEvent> {
    const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true });
    textarea().dispatchEvent(event);
    await fixture.whenStable();
    return event;
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CommentComposerComponent);
    fixture.componentRef.setInput('spaceId', 's1');
    sent = [];
    fixture.componentInstance.submitted.subscribe((options) => sent.push(options));
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('is a labelled text area with a character count, a badge choice and a visibility choice', () => {
    const element = textarea();
    expect(page.querySelector(`label[for="${element.id}"]`)?.textContent?.trim()).toBe('Kommenttisi');
    expect(page.querySelector(`#${element.id}-count`)?.textContent?.trim()).toBe('0/4000 merkkiä');
    expect(button('comment-badge')?.closest('label')?.textContent?.trim()).toBe('Näytä merkki: kokemusasiantuntija');
    expect(button('comment-visibility-facilitators')?.closest('label')?.textContent?.trim()).toBe(
      'Näytä vain ohjaajille ja koordinaattoreille',
    );
  });

  it('sends plain text with the chosen badge and visibility', async () => {
    await type('Tämä vaihe on selkeä.');
    button('comment-badge')!.click();
    button('comment-visibility-facilitators')!.click();
    button('comment-send')!.click();
    await fixture.whenStable();

    expect(sent).toEqual([{ body: 'Tämä vaihe on selkeä.', expertBadge: true, visibility: 'facilitators' }]);
  });

  it('warns about a phone number without repeating it, and sends for review on the second button', async () => {
    const text = 'Soittakaa minulle numeroon 040 123 4567 niin kerron lisää.';
    await type(text);
    button('comment-send')!.click();
    await fixture.whenStable();

    expect(sent).toEqual([]);
    const warning = page.querySelector<HTMLElement>('[data-testid="comment-sensitive"]')!;
    expect(warning.closest('[role="alert"]')).not.toBeNull();
    expect(warning.textContent).toContain('Tekstissä näyttää olevan henkilötietoja');
    expect(page.querySelector('[data-testid="comment-sensitive-kinds"]')?.textContent?.trim()).toBe('puhelinnumero');
    expect(warning.textContent).not.toContain('040');

    button('comment-edit-text')!.click();
    await fixture.whenStable();
    expect(document.activeElement).toBe(textarea());
    expect(text.slice(textarea().selectionStart, textarea().selectionEnd)).toBe('040 123 4567');

    button('comment-hold')!.click();
    await fixture.whenStable();
    expect(sent).toEqual([{ body: text, expertBadge: false, visibility: 'space', holdForReview: true }]);
  });

  it('shows the same warning when the server refuses the text as sensitive_content', async () => {
    await type('Osoite on Kauppakatu 12 B 34.');
    const refusal: ApiError = {
      statusCode: 422,
      code: 'sensitive_content',
      message: 'Sensitive content',
      findings: [{ kind: 'street-address', start: 10, end: 28 }],
    };
    fixture.componentRef.setInput('error', new HttpErrorResponse({ status: 422, error: refusal }));
    await fixture.whenStable();

    expect(page.querySelector('[data-testid="comment-sensitive-kinds"]')?.textContent?.trim()).toBe('katuosoite');
    expect(page.querySelector('[data-testid="error-message"]')).toBeNull();
  });

  it('refuses an empty comment with a message and keeps focus in the text area', async () => {
    await type('   ');
    button('comment-send')!.click();
    await fixture.whenStable();

    expect(sent).toEqual([]);
    expect(page.querySelector('[data-testid="error-message"]')?.textContent).toContain('Kirjoita ensin jotakin.');
    expect(document.activeElement).toBe(textarea());
  });

  it('suggests members after "@", moves with the arrow keys and inserts the chosen one with Enter', async () => {
    await type('Kysytään @ke');
    await new Promise((resolve) => setTimeout(resolve, MENTION_DEBOUNCE_MS + 50));
    const search = backend.expectOne((request) => request.url === '/api/spaces/s1/mentionable');
    expect(search.request.params.get('q')).toBe('ke');
    search.flush([KETTU, KERTTU]);
    await fixture.whenStable();

    const listbox = page.querySelector<HTMLElement>('[role="listbox"]')!;
    expect(textarea().getAttribute('aria-controls')).toBe(listbox.id);
    expect(options().map((option) => option.textContent?.trim())).toEqual(['@Kettu K.', '@Kerttu']);
    expect(textarea().getAttribute('aria-activedescendant')).toBe(options()[0].id);

    expect((await key('ArrowDown')).defaultPrevented).toBe(true);
    expect(textarea().getAttribute('aria-activedescendant')).toBe(options()[1].id);
    expect(options()[1].getAttribute('aria-selected')).toBe('true');
    await key('ArrowDown'); // wraps round
    expect(textarea().getAttribute('aria-activedescendant')).toBe(options()[0].id);
    await key('ArrowUp');
    expect(textarea().getAttribute('aria-activedescendant')).toBe(options()[1].id);

    expect((await key('Enter')).defaultPrevented).toBe(true);
    expect(textarea().value).toBe(`Kysytään @[Kerttu](user:${KERTTU.id}) `);
    expect(page.querySelector('[role="listbox"]')).toBeNull();
    expect(textarea().hasAttribute('aria-activedescendant')).toBe(false);
    expect(document.activeElement).toBe(textarea());
  });

  it('closes the list with Escape, and leaves Enter to the text area when the list is closed', async () => {
    await type('@Ket');
    await new Promise((resolve) => setTimeout(resolve, MENTION_DEBOUNCE_MS + 50));
    backend.expectOne((request) => request.url === '/api/spaces/s1/mentionable').flush([KETTU]);
    await fixture.whenStable();
    expect(options()).toHaveLength(1);

    await key('Escape');
    expect(page.querySelector('[role="listbox"]')).toBeNull();
    expect((await key('Enter')).defaultPrevented).toBe(false);
  });

  it('chooses a member with a tap', async () => {
    await type('@ket');
    await new Promise((resolve) => setTimeout(resolve, MENTION_DEBOUNCE_MS + 50));
    backend.expectOne((request) => request.url === '/api/spaces/s1/mentionable').flush([KETTU]);
    await fixture.whenStable();

    options()[0].click();
    await fixture.whenStable();
    expect(textarea().value).toBe(`@[Kettu K.](user:${KETTU.id}) `);
  });
});

describe('mentionQueryAt', () => {
  it('finds an @ at the start or after a space, but not inside an e-mail address or a finished mention', () => {
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Hei @Ket', 8)).toEqual({ start: 4, query: 'Ket' });
    expect(mentionQueryAt('Hei @Ket ja', 11)).toBeNull();
    expect(mentionQueryAt('nimi@esimerkki.fi', 17)).toBeNull();
    expect(mentionQueryAt(`@[Kettu](user:${KETTU.id})`, 50)).toBeNull();
  });
});
