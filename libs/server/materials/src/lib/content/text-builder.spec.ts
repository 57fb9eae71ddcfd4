import { cutAt, TextBuilder } from './text-builder';

describe('TextBuilder', () => {
  it('collapses whitespace, joins runs and drops empty paragraphs', () => {
    const text = new TextBuilder();
    text.append('  Tukea\t vanhem');
    text.append('muuteen ');
    text.append('ja');
    text.space();
    text.append('perheille');
    text.endParagraph();
    text.endParagraph();
    text.append('   ');
    text.endParagraph();
    text.append('Toinen\u00a0kappale');
    expect(text.toString()).toBe('Tukea vanhemmuuteen ja perheille\nToinen kappale');
  });

  it('drops control characters and unpaired surrogates (PostgreSQL refuses NUL)', () => {
    const text = new TextBuilder();
    text.append('a\u0000b\u0007c \ud800d 😀');
    expect(text.toString()).toBe('abc d 😀');
  });

  it('stops at its maximum and reports being full', () => {
    const text = new TextBuilder(20);
    for (let i = 0; i < 10 && !text.full; i++) {
      text.append(`sana${i} `);
      text.endParagraph();
    }
    expect(text.full).toBe(true);
    expect(text.toString().length).toBeLessThanOrEqual(20);
    text.append('ignored');
    expect(text.toString()).not.toContain('ignored');
  });
});

describe('cutAt', () => {
  it('never splits a surrogate pair', () => {
    expect(cutAt('a😀b', 2)).toBe('a');
    expect(cutAt('a😀b', 3)).toBe('a😀');
    expect(cutAt('short', 10)).toBe('short');
  });
});
