import { TestBed } from '@angular/core/testing';
import { CommentBodyComponent, safeLinkHref } from './comment-body.component';

function render(source: string): HTMLElement {
  const fixture = TestBed.createComponent(CommentBodyComponent);
  fixture.componentRef.setInput('source', source);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('CommentBodyComponent', () => {
  it('shows markup as text: a <script> never becomes an element', () => {
    const body = render('<script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold?</b>');

    expect(body.querySelector('script, img, b')).toBeNull();
    expect(body.textContent).toContain('<script>alert(1)</script>');
    expect(body.textContent).toContain('<img src=x onerror="alert(2)">');
  });

  it('never renders a link to javascript:, data: or anything but http(s)', () => {
    const body = render(
      [
        '[klikkaa](javascript:alert(1))',
        '[isolla](JaVaScRiPt:alert(1))',
        '[välilyönti]( javascript:alert(1))',
        '[data](data:text/html;base64,PHNjcmlwdD4=)',
        '<a href="javascript:alert(1)">raaka</a>',
        '[posti](mailto:nimi@esimerkki.fi)',
      ].join('\n\n'),
    );

    const anchors = Array.from(body.querySelectorAll('a'));
    expect(anchors.map((anchor) => anchor.getAttribute('href'))).toEqual([]);
    expect(body.textContent).toContain('klikkaa');
  });

  it('opens http(s) links in a new tab without passing the page or ranking on', () => {
    const body = render('Katso [Innokylä](https://innokyla.fi/fi) ja https://thl.fi.');

    const anchors = Array.from(body.querySelectorAll('a'));
    expect(anchors.map((anchor) => anchor.getAttribute('href'))).toEqual(['https://innokyla.fi/fi', 'https://thl.fi']);
    for (const anchor of anchors) {
      expect(anchor.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
      expect(anchor.getAttribute('target')).toBe('_blank');
    }
    expect(anchors[0].textContent).toBe('Innokylä');
  });

  it('renders formatting, lists and a mention as "@Name" without extra spaces', () => {
    const body = render('**Tärkeä**, *oikeasti*. Kiitos @[Kettu K.](user:0b7c1a52-3f0e-4c7a-9a53-1d2e3f4a5b6c)!\n\n- yksi\n- kaksi');

    expect(body.querySelector('p')?.textContent).toBe('Tärkeä, oikeasti. Kiitos @Kettu K.!');
    expect(body.querySelector('strong')?.textContent).toBe('Tärkeä');
    expect(body.querySelector('em')?.textContent).toBe('oikeasti');
    expect(body.querySelector('.kh-mention')?.textContent).toBe('@Kettu K.');
    expect(Array.from(body.querySelectorAll('li')).map((item) => item.textContent)).toEqual(['yksi', 'kaksi']);
  });
});

describe('safeLinkHref', () => {
  it('keeps absolute http(s) addresses and refuses every other scheme', () => {
    expect(safeLinkHref(' https://innokyla.fi ')).toBe('https://innokyla.fi');
    expect(safeLinkHref('HTTP://example.fi/a?b=1')).toBe('HTTP://example.fi/a?b=1');
    for (const refused of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'mailto:a@b.fi', '/models/1', '//evil.example', 'https://']) {
      expect(safeLinkHref(refused), refused).toBeNull();
    }
  });
});
