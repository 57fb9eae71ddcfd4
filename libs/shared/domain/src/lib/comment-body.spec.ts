import { commentBodyProblems, commentMentionIds, commentPlainText, mentionToken, parseCommentBody, type CommentBlock, type CommentInline } from './comment-body';
import { COMMENT_LIMITS } from './comments';

const MATTI = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const LIISA = '9b2c1d3e-8f7a-4b6c-9d5e-1a2b3c4d5e6f';

function inlineNodes(blocks: CommentBlock[]): CommentInline[] {
  const out: CommentInline[] = [];
  const walk = (nodes: CommentInline[]) => {
    for (const node of nodes) {
      out.push(node);
      if (node.type === 'bold' || node.type === 'italic' || node.type === 'link') walk(node.children);
    }
  };
  for (const block of blocks) {
    if (block.type === 'paragraph') walk(block.children);
    else block.items.forEach(walk);
  }
  return out;
}

const links = (source: string) =>
  inlineNodes(parseCommentBody(source)).filter((n): n is Extract<CommentInline, { type: 'link' }> => n.type === 'link');

describe('parseCommentBody', () => {
  it('gives nothing for an empty body', () => {
    expect(parseCommentBody('')).toEqual([]);
    expect(parseCommentBody('  \n\n ')).toEqual([]);
  });

  it('splits paragraphs at blank lines and keeps single line breaks', () => {
    expect(parseCommentBody('Ensimmäinen rivi\ntoinen rivi\n\n  \nUusi kappale')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Ensimmäinen rivi' }, { type: 'break' }, { type: 'text', text: 'toinen rivi' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Uusi kappale' }] },
    ]);
  });

  it('treats CRLF line breaks like LF', () => {
    expect(parseCommentBody('a\r\nb\r\n\r\nc')).toEqual(parseCommentBody('a\nb\n\nc'));
  });

  it('reads lists written with "- " or "* ", also right after a paragraph line', () => {
    expect(parseCommentBody('Ehdotukset:\n- perhetyö\n* **koulu**\n\nLoppu')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Ehdotukset:' }] },
      { type: 'list', items: [[{ type: 'text', text: 'perhetyö' }], [{ type: 'bold', children: [{ type: 'text', text: 'koulu' }] }]] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Loppu' }] },
    ]);
    expect(parseCommentBody('-5 astetta')[0].type).toBe('paragraph');
  });

  it('reads bold and italic, also inside each other', () => {
    expect(parseCommentBody('**tärkeä** ja *kursiivi* ja _toinen_')[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'bold', children: [{ type: 'text', text: 'tärkeä' }] },
        { type: 'text', text: ' ja ' },
        { type: 'italic', children: [{ type: 'text', text: 'kursiivi' }] },
        { type: 'text', text: ' ja ' },
        { type: 'italic', children: [{ type: 'text', text: 'toinen' }] },
      ],
    });
    expect(parseCommentBody('**paljon *tukea* heti**')[0]).toEqual({
      type: 'paragraph',
      children: [
        {
          type: 'bold',
          children: [{ type: 'text', text: 'paljon ' }, { type: 'italic', children: [{ type: 'text', text: 'tukea' }] }, { type: 'text', text: ' heti' }],
        },
      ],
    });
    expect(parseCommentBody('*kysy **heti** nyt*')[0]).toEqual({
      type: 'paragraph',
      children: [
        {
          type: 'italic',
          children: [{ type: 'text', text: 'kysy ' }, { type: 'bold', children: [{ type: 'text', text: 'heti' }] }, { type: 'text', text: ' nyt' }],
        },
      ],
    });
  });

  it('leaves unclosed and misplaced markers as text', () => {
    for (const source of ['**kesken', '*kesken', '_kesken', 'a * b * c', '2 * 3 = 6', 'muuttujan_nimi_tässä', '** ei **', '[kesken](https://x.fi', '[teksti] (https://x.fi)']) {
      const nodes = inlineNodes(parseCommentBody(source));
      expect(nodes.filter((n) => n.type === 'bold' || n.type === 'italic')).toEqual([]);
      expect(commentPlainText(source)).toBe(source);
    }
    expect(links('[teksti] (https://x.fi)')).toEqual([{ type: 'link', href: 'https://x.fi', children: [{ type: 'text', text: 'https://x.fi' }] }]);
  });

  it('reads links with formatted text', () => {
    expect(parseCommentBody('Katso [**Innokylä**](https://innokyla.fi/fi/toimintamalli?x=1) ja [posti](MAILTO:tuki@esimerkki.fi).')[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Katso ' },
        { type: 'link', href: 'https://innokyla.fi/fi/toimintamalli?x=1', children: [{ type: 'bold', children: [{ type: 'text', text: 'Innokylä' }] }] },
        { type: 'text', text: ' ja ' },
        { type: 'link', href: 'mailto:tuki@esimerkki.fi', children: [{ type: 'text', text: 'posti' }] },
        { type: 'text', text: '.' },
      ],
    });
  });

  it('keeps one level of parentheses in a link target', () => {
    expect(links('[wiki](https://fi.wikipedia.org/wiki/Lastensuojelu_(Suomi))')[0].href).toBe('https://fi.wikipedia.org/wiki/Lastensuojelu_(Suomi)');
  });

  it('links bare addresses without the punctuation after them', () => {
    const source = 'Lähde: https://thl.fi/lastensuojelu. Myös (http://example.fi/a_(b)), ja https://x.fi/?q=1! Ei: xhttps://y.fi';
    expect(links(source).map((l) => l.href)).toEqual(['https://thl.fi/lastensuojelu', 'http://example.fi/a_(b)', 'https://x.fi/?q=1']);
    expect(links('https://')).toEqual([]);
    expect(commentPlainText(source)).toBe(source);
  });

  it('reads mentions', () => {
    const source = `Kiitos ${mentionToken({ id: MATTI, displayName: 'Matti [vetäjä]' })} ja @[Liisa K.](user:${LIISA.toUpperCase()})!`;
    expect(parseCommentBody(source)[0]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'Kiitos ' },
        { type: 'mention', userId: MATTI, name: 'Matti vetäjä' },
        { type: 'text', text: ' ja ' },
        { type: 'mention', userId: LIISA, name: 'Liisa K.' },
        { type: 'text', text: '!' },
      ],
    });
  });

  it('keeps HTML as text', () => {
    expect(parseCommentBody('<b>hei</b> <script>alert(1)</script>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '<b>hei</b> <script>alert(1)</script>' }] },
    ]);
  });

  it('keeps a refused link as its source text', () => {
    expect(parseCommentBody('Klikkaa [tästä](javascript:alert(1)) heti')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Klikkaa [tästä](javascript:alert(1)) heti' }] },
    ]);
  });
});

describe('commentBodyProblems', () => {
  it('accepts an ordinary comment', () => {
    expect(commentBodyProblems(`Hyvä **idea**, ${mentionToken({ id: MATTI, displayName: 'Matti' })}: katso https://thl.fi\n\n- yksi\n- kaksi\tsarkain`)).toEqual([]);
    expect(commentBodyProblems('rivi\r\ntoinen')).toEqual([]);
  });

  it('refuses an empty or whitespace-only body', () => {
    expect(commentBodyProblems('')).toEqual(['must not be empty']);
    expect(commentBodyProblems(' \n\t ')).toEqual(['must not be empty']);
  });

  it('refuses a body over the limit', () => {
    expect(commentBodyProblems('a'.repeat(COMMENT_LIMITS.bodyMax))).toEqual([]);
    expect(commentBodyProblems('a'.repeat(COMMENT_LIMITS.bodyMax + 1))).toEqual(['must be at most 4000 characters']);
  });

  it('refuses control characters other than tab and line feed', () => {
    for (const ch of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\r', '\u000b']) {
      expect(commentBodyProblems(`a${ch}b`)).toEqual(['must not contain control characters']);
    }
  });

  it('refuses links to anything but http, https or mailto', () => {
    expect(commentBodyProblems('[liite](liite.pdf)')).toEqual(['links may only use http, https or mailto']);
    expect(commentBodyProblems('[a](https://ok.fi) [b](ftp://x.fi)')).toEqual(['links may only use http, https or mailto']);
    expect(commentBodyProblems('[a](https://ok.fi) [b](mailto:a@b.fi)')).toEqual([]);
  });

  it('refuses more than the allowed number of people mentioned', () => {
    const ids = Array.from({ length: COMMENT_LIMITS.mentionsMax + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const tokens = ids.map((id, i) => mentionToken({ id, displayName: `Henkilö ${i}` }));
    expect(commentBodyProblems(tokens.slice(0, -1).join(' ') + ' ' + tokens[0])).toEqual([]);
    expect(commentBodyProblems(tokens.join(' '))).toEqual(['must mention at most 10 people']);
  });
});

describe('commentMentionIds', () => {
  it('gives each mentioned user once, in order', () => {
    const m = mentionToken({ id: MATTI, displayName: 'Matti' });
    const l = mentionToken({ id: LIISA, displayName: 'Liisa' });
    expect(commentMentionIds(`${l} ja ${m}\n\n- **${l}**`)).toEqual([LIISA, MATTI]);
    expect(commentMentionIds('@[Ei](user:not-a-uuid) @[](user:' + MATTI + ')')).toEqual([]);
  });
});

describe('commentPlainText', () => {
  it('drops the markers', () => {
    const source = `**Huom** ${mentionToken({ id: MATTI, displayName: 'Matti' })}: _lue_ [ohje](https://thl.fi)\nja tämä\n\n- yksi\n* kaksi\n\nLoppu`;
    expect(commentPlainText(source)).toBe('Huom @Matti: lue ohje\nja tämä\n\nyksi\nkaksi\n\nLoppu');
  });
});

describe('links cannot carry scripts', () => {
  const safe = (href: string) => /^(https?:\/\/|mailto:)/.test(href) && !/[\s"'<>`\\]/.test(href);
  // [payload, written as link syntax (and so refused by commentBodyProblems)]
  const payloads: [string, boolean][] = [
    ['<script>alert(1)</script>', false],
    ['<img src=x onerror=alert(1)>', false],
    ['<svg onload=alert(1)>', false],
    ['<a href="javascript:alert(1)">x</a>', false],
    ['<iframe src="https://x.fi" onload="alert(1)"></iframe>', false],
    ['[x](javascript:alert(1))', true],
    ['[x](JaVaScRiPt:alert(1))', true],
    ['[x]( javascript:alert(1))', true],
    ['[x](java\tscript:alert(1))', true],
    ['[x](java\nscript:alert(1))', false],
    ['[x](\u0001javascript:alert(1))', true],
    ['[x](\u200bjavascript:alert(1))', true],
    ['[x](javascript&#58;alert(1))', true],
    ['[x](&#106;avascript:alert(1))', true],
    ['[x](&#x6A;avascript:alert(1))', true],
    ['[x](%6Aavascript:alert(1))', true],
    ['[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', true],
    ['[x](vbscript:msgbox(1))', true],
    ['[x](//evil.example/x.js)', true],
    ['[x](https:javascript:alert(1))', true],
    ['[x](javascript://https://ok.fi/%0Aalert(1))', true],
    ['[a](javascript:alert(1)//https://x)', true],
    ['[x](https://ok.fi" onclick="alert(1))', true],
    ["[x](https://ok.fi' onclick='alert(1))", true],
    ['[x](https://ok.fi"><script>alert(1)</script>)', true],
    ['[x](https://ok.fi\\@evil.example)', true],
    ['[x](mailto:a@b.fi?body=<script>)', true],
    ['[[a](javascript:alert(1))](https://ok.fi)', true],
    ['[a]([b](javascript:alert(1)))', true],
    ['**[x](javascript:alert(1))**', true],
    ['*[x*](javascript:alert(1))', true],
    ['@[x](javascript:alert(1))', true],
    ['[x](javascript:alert(1) "https://ok.fi")', true],
    ['[https://ok.fi](javascript:alert(1))', true],
    ['https://ok.fi/"onmouseover="alert(1)', false],
    ['https://ok.fi/<script>alert(1)</script>', false],
    ['javascript:alert(1)', false],
    ['@[<img src=x onerror=alert(1)>](user:3f2504e0-4f89-41d3-9a0c-0305e82c3301)', false],
  ];

  it.each(payloads)('%j yields only safe links', (payload, isLinkSyntax) => {
    for (const source of [payload, `Teksti ${payload} lopussa`, `- ${payload}`, `**${payload}**`]) {
      for (const link of links(source)) expect(safe(link.href), `${JSON.stringify(source)} -> ${link.href}`).toBe(true);
      for (const node of inlineNodes(parseCommentBody(source))) {
        if (node.type === 'mention') expect(node.userId).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
    const problems = commentBodyProblems(payload);
    if (isLinkSyntax) expect(problems).toContain('links may only use http, https or mailto');
    else expect(problems).not.toContain('links may only use http, https or mailto');
  });

  it('keeps the text of refused links and never reads a link out of them', () => {
    expect(links('[a](javascript:alert(1)//https://x)')).toEqual([]);
    expect(links('[x](https://ok.fi" onclick="x)')).toEqual([]);
    expect(commentPlainText('[x](https://ok.fi" onclick="x)')).toBe('[x](https://ok.fi" onclick="x)');
    expect(links('[[a](javascript:alert(1))](https://ok.fi)').map((l) => l.href)).toEqual(['https://ok.fi']);
    expect(links('https://ok.fi/"onmouseover="alert(1)').map((l) => l.href)).toEqual(['https://ok.fi/']);
  });
});
