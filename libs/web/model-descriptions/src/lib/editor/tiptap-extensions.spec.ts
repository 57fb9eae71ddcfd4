import { isAllowedLink, withDefaultScheme } from './tiptap-extensions';

describe('links in model descriptions', () => {
  it('accepts web, mail and telephone links and site paths', () => {
    for (const url of ['https://innokyla.fi', 'http://example.com/a?b=1', 'mailto:nimi@esimerkki.fi', 'tel:+358401234567', '/models/1']) {
      expect({ url, allowed: isAllowedLink(url) }).toEqual({ url, allowed: true });
    }
  });

  it('refuses script, data and other schemes, also when disguised', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'java\tscript:alert(1)', ' data:text/html,<b>x</b>', 'ftp://example.com', '//evil.example', 'vbscript:x']) {
      expect({ url, allowed: isAllowedLink(url) }).toEqual({ url, allowed: false });
    }
  });

  it('adds https:// to a bare address, and leaves everything else as typed', () => {
    expect(withDefaultScheme(' innokyla.fi/malli ')).toBe('https://innokyla.fi/malli');
    expect(withDefaultScheme('mailto:a@b.fi')).toBe('mailto:a@b.fi');
    expect(withDefaultScheme('/models/1')).toBe('/models/1');
    expect(withDefaultScheme('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(withDefaultScheme('ei osoite')).toBe('ei osoite');
  });
});
