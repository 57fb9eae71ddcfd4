import { inflateRawSync } from 'node:zlib';
import {
  MODEL_FACT_KEYS,
  MODEL_SECTION_KEYS,
  type ModelDescriptionContent,
  type ModelSectionKey,
  type RichDoc,
  type RichMark,
  type RichNode,
} from '@kehittamo/shared/domain';
import { renderDocx } from './docx';
import {
  EXPORT_LABELS,
  type ExportLabelKey,
  type ModelExportInput,
} from './export-input';
import { renderMarkdown } from './markdown';
import { pdfText, renderPdf } from './pdf';
import { richToMarkdown, richToPlainText } from './rich-text';

// ---------- builders ----------

const text = (value: string, ...marks: (string | RichMark)[]): RichNode => ({
  type: 'text',
  text: value,
  ...(marks.length > 0
    ? { marks: marks.map((m) => (typeof m === 'string' ? { type: m } : m)) }
    : {}),
});
const link = (href: string): RichMark => ({ type: 'link', attrs: { href } });
const p = (...content: (RichNode | string)[]): RichNode => ({
  type: 'paragraph',
  content: content.map((c) => (typeof c === 'string' ? text(c) : c)),
});
const h = (level: number, value: string): RichNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
const li = (...content: RichNode[]): RichNode => ({
  type: 'listItem',
  content,
});
const ul = (...items: RichNode[]): RichNode => ({
  type: 'bulletList',
  content: items,
});
const ol = (start: number, ...items: RichNode[]): RichNode => ({
  type: 'orderedList',
  attrs: { start },
  content: items,
});
const cell = (value: string, type = 'tableCell'): RichNode => ({
  type,
  content: [p(value)],
});
const table = (header: string[], ...rows: string[][]): RichNode => ({
  type: 'table',
  content: [
    {
      type: 'tableRow',
      content: header.map((c) => cell(c, 'tableHeader')),
    },
    ...rows.map((row) => ({
      type: 'tableRow',
      content: row.map((c) => cell(c)),
    })),
  ],
});
const doc = (...content: RichNode[]): RichDoc => ({ type: 'doc', content });

const WORDS =
  'lapsi perhe sosiaalityö asiakas palvelu yhteistyö arviointi kohtaaminen tuki verkosto kehittäminen osallisuus kuuleminen työntekijä ammattilainen menetelmä kokemus tieto prosessi tavoite'.split(
    ' ',
  );

/** Deterministic filler text of `count` words. */
function words(count: number, seed: number): string {
  return Array.from(
    { length: count },
    (_, i) => WORDS[(i * 7 + seed * 13) % WORDS.length],
  ).join(' ');
}

/** A realistic section of roughly 3,000 words: headings, paragraphs with marks and links, lists and one table. */
function largeSection(key: string): RichDoc {
  const content: RichNode[] = [
    p(`Osion ${key} tunnistelause: Lapsen ääni kuuluu.`),
  ];
  for (let part = 0; part < 24; part++) {
    content.push(h(2, `Väliotsikko ${key} ${part + 1}`));
    for (let i = 0; i < 4; i++) {
      content.push(
        p(
          words(12, part + i),
          ' ',
          text('lihavoitu kohta', 'bold'),
          ' ',
          text(words(6, i), 'italic'),
          ' katso ',
          text('THL:n ohje', link(`https://thl.fi/${key}/${part}`)),
          '. ',
          words(8, part * i),
        ),
      );
    }
    content.push(
      ul(
        li(p(`Ensimmäinen kohta ${words(5, part)}`)),
        li(
          p(`Toinen kohta ${words(5, part + 1)}`),
          ol(1, li(p('Alakohta yksi')), li(p('Alakohta kaksi'))),
        ),
      ),
    );
  }
  content.push(
    table(
      ['Vaihe', 'Vastuu', 'Aika'],
      ['Alkuarvio', 'Sosiaalityöntekijä', '2 viikkoa'],
      ['Verkostopalaveri', 'Perheohjaaja', '1 kk'],
    ),
  );
  return doc(...content);
}

function largeContent(): ModelDescriptionContent {
  const sections = Object.fromEntries(
    MODEL_SECTION_KEYS.map((key) => [key, largeSection(key)]),
  ) as Record<ModelSectionKey, RichDoc>;
  return {
    facts: {
      summary:
        'Perhekeskeinen toimintamalli, jossa lapsen ääni kuuluu kaikissa vaiheissa.',
      place: 'Pirkanmaa',
      organisations: 'Pirkanmaan hyvinvointialue',
      funders: 'Sosiaali- ja terveysministeriö',
      authors: 'Kehittäjätiimi',
      coverImageUrl: 'https://example.fi/kansi.png',
      programmeName: 'Lastensuojelun kehittämisohjelma',
      programmeUrl: 'https://example.fi/ohjelma',
    },
    sections,
    structure: Array.from({ length: 12 }, (_, i) => ({
      id: `step-${i + 1}`,
      title: `Vaihe ${i + 1}: Tapaaminen`,
      body: doc(
        p(
          `Vaiheen ${i + 1} kuvaus. `,
          text('Tärkeää', 'bold'),
          ` ${words(40, i)}`,
        ),
        ul(li(p('Valmistelu')), li(p('Toteutus')), li(p('Kirjaaminen'))),
      ),
    })),
  };
}

function input(overrides: Partial<ModelExportInput> = {}): ModelExportInput {
  return {
    name: 'Lapsen ääni -toimintamalli',
    phaseLabel: 'Pilotointi',
    workPackages: ['TP1', 'TP3'],
    tags: ['osallisuus', 'perhetyö'],
    spaceName: 'Pirkanmaan kehittämötila',
    createdAt: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-05-20T08:30:00.000Z',
    content: largeContent(),
    language: 'fi',
    ...overrides,
  };
}

/** Wall time of an export, printed for the reader; speed is asserted by the benchmarks, not here. */
async function timed<T>(
  label: string,
  render: () => T | Promise<T>,
): Promise<T> {
  const start = performance.now();
  const result = await render();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

/** One file of a ZIP archive (enough of the format to read a .docx without a ZIP library). */
function unzipEntry(zip: Buffer, name: string): string | null {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString(
      'utf8',
      offset + 46,
      offset + 46 + nameLength,
    );
    if (entryName === name) {
      const start =
        local +
        30 +
        zip.readUInt16LE(local + 26) +
        zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

// ---------- labels ----------

describe('EXPORT_LABELS', () => {
  const keys: ExportLabelKey[] = [
    ...MODEL_FACT_KEYS,
    ...MODEL_SECTION_KEYS,
    'structure',
    'phase',
    'workPackages',
    'tags',
    'created',
    'modified',
    'basicFacts',
    'exportedFrom',
  ];

  it('has a label for every field in every language', () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      for (const key of keys)
        expect(EXPORT_LABELS[language][key]).toMatch(/\S/);
    }
    expect(EXPORT_LABELS.fi.targetGroup).toBe('Kohderyhmä ja asiakasymmärrys');
    expect(EXPORT_LABELS.sv.basicFacts).toBe('Grunduppgifter');
    expect(EXPORT_LABELS.en.basicFacts).toBe('Basic facts');
  });
});

// ---------- plain text ----------

describe('richToPlainText', () => {
  it('puts blocks, list items and table rows on their own lines', () => {
    const result = richToPlainText(
      doc(
        h(1, 'Otsikko'),
        p('Eka rivi', { type: 'hardBreak' }, 'toka rivi'),
        ul(li(p('omena')), li(p('päärynä'), ul(li(p('sisempi'))))),
        ol(3, li(p('kolmas')), li(p('neljäs'))),
        table(['Nimi', 'Rooli'], ['Aino', 'ohjaaja']),
        p(''),
        { type: 'horizontalRule' },
      ),
    );
    expect(result).toBe(
      [
        'Otsikko',
        '',
        'Eka rivi',
        'toka rivi',
        '',
        '- omena',
        '- päärynä',
        '  - sisempi',
        '',
        '3. kolmas',
        '4. neljäs',
        '',
        'Nimi | Rooli',
        'Aino | ohjaaja',
      ].join('\n'),
    );
  });

  it('keeps only the text of marks and ignores malformed nodes', () => {
    const malformed = {
      type: 'doc',
      content: [
        p(
          text('lihava', 'bold'),
          ' ja ',
          text('linkki', link('javascript:alert(1)')),
        ),
        null,
        { type: 'paragraph', content: 'x' },
      ],
    } as unknown as RichDoc;
    expect(richToPlainText(malformed)).toBe('lihava ja linkki');
    expect(richToPlainText({ type: 'doc' })).toBe('');
  });
});

// ---------- Markdown ----------

describe('richToMarkdown', () => {
  it('escapes Markdown characters in text', () => {
    const md = richToMarkdown(doc(p('a*b_c [d](e) <script> `x` | ~y~ &amp;')));
    expect(md).toBe(
      'a\\*b\\_c \\[d\\](e) \\<script\\> \\`x\\` \\| \\~y\\~ \\&amp;',
    );
  });

  it('escapes what would start another block at the start of a line', () => {
    expect(richToMarkdown(doc(p('# ei otsikko')))).toBe('\\# ei otsikko');
    expect(richToMarkdown(doc(p('- ei lista')))).toBe('\\- ei lista');
    expect(richToMarkdown(doc(p('1986. vuonna')))).toBe('1986\\. vuonna');
    expect(
      richToMarkdown(doc(p('rivi', { type: 'hardBreak' }, '2. kohta'))),
    ).toBe('rivi\\\n2\\. kohta');
  });

  it('writes marks, merging adjacent ones and keeping spaces outside them', () => {
    const md = richToMarkdown(
      doc(
        p(
          text('lihava ', 'bold'),
          text('ja kursiivi', 'bold', 'italic'),
          ' ',
          text('yliviivattu', 'strike'),
          ' ',
          text('koodi`', 'code'),
          ' ',
          text('alleviivattu', 'underline'),
        ),
      ),
    );
    expect(md).toBe(
      '**lihava *ja kursiivi*** ~~yliviivattu~~ `` koodi` `` alleviivattu',
    );
  });

  it('writes safe links and only the text of unsafe ones', () => {
    const md = richToMarkdown(
      doc(
        p(
          text('THL', link('https://thl.fi/a b(c)')),
          ' ',
          text('sisäinen', link('/models/1')),
          ' ',
          text('paha', link('javascript:alert(1)')),
          ' ',
          text('huono', link('//evil.example')),
          ' ',
          text('data', link('data:text/html,<script>alert(1)</script>')),
        ),
      ),
    );
    expect(md).toBe(
      '[THL](https://thl.fi/a%20b%28c%29) [sisäinen](/models/1) paha huono data',
    );
    expect(md).not.toMatch(/javascript|data:|evil/);
  });

  it('writes headings, nested lists, quotes, rules and tables', () => {
    const md = richToMarkdown(
      doc(
        h(1, 'Otsikko'),
        ul(
          li(p('yksi'), ol(5, li(p('viisi')), li(p('kuusi')))),
          li(p('kaksi')),
        ),
        { type: 'blockquote', content: [p('lainaus'), p('toinen')] },
        { type: 'horizontalRule' },
        table(['A|B', 'C'], ['*d*', 'e']),
      ),
      { headingOffset: 2 },
    );
    expect(md).toBe(
      [
        '### Otsikko',
        '',
        '- yksi',
        '  5. viisi',
        '  6. kuusi',
        '- kaksi',
        '',
        '> lainaus',
        '>',
        '> toinen',
        '',
        '---',
        '',
        '| A\\|B | C |',
        '| --- | --- |',
        '| \\*d\\* | e |',
      ].join('\n'),
    );
  });

  it('keeps two lists in a row apart', () => {
    expect(richToMarkdown(doc(ul(li(p('a'))), ul(li(p('b')))))).toBe(
      '- a\n\n* b',
    );
  });
});

describe('renderMarkdown', () => {
  it('shows every label, section text, link and structure step', async () => {
    const md = await timed('markdown (large)', () => renderMarkdown(input()));
    const labels = EXPORT_LABELS.fi;
    expect(md.startsWith('# Lapsen ääni -toimintamalli\n')).toBe(true);
    for (const label of Object.values(labels)) {
      if (label !== labels.space && label !== labels.exportedFrom) {
        expect(md).toContain(`${label}`);
      }
    }
    for (const key of MODEL_SECTION_KEYS) {
      expect(md).toContain(`## ${labels[key]}\n`);
      expect(md).toContain(`Osion ${key} tunnistelause: Lapsen ääni kuuluu.`);
      expect(md).toContain(`[THL:n ohje](https://thl.fi/${key}/23)`);
      // the editor's h2 sits below the section's own heading
      expect(md).toContain(`#### Väliotsikko ${key} 1\n`);
    }
    expect(md).toContain('- **Kehittämisen vaihe:** Pilotointi');
    expect(md).toContain('- **Työpaketit:** TP1, TP3');
    expect(md).toContain('- **Asiasanat:** osallisuus, perhetyö');
    expect(md).toContain('- **Luotu:** 1.3.2025');
    expect(md).toContain(
      '- **Kokonaisuuden verkko-osoite:** [https://example.fi/ohjelma](https://example.fi/ohjelma)',
    );
    expect(md).toContain(`## ${labels.structure}\n`);
    expect(md).toContain('### 1. Vaihe 1: Tapaaminen\n');
    expect(md).toContain('### 12. Vaihe 12: Tapaaminen\n');
    expect(md).toContain('| Vaihe | Vastuu | Aika |');
    expect(md).toContain('**lihavoitu kohta**');
    expect(md.split(/\s+/).length).toBeGreaterThan(6 * 2500);
  });

  it('marks empty fields with an em dash and escapes user text', () => {
    const md = renderMarkdown(
      input({
        name: '*Tähti* [malli]',
        tags: [],
        language: 'en',
        content: {
          facts: { programmeUrl: 'javascript:alert(1)' },
          sections: Object.fromEntries(
            MODEL_SECTION_KEYS.map((key) => [key, { type: 'doc' }]),
          ) as Record<ModelSectionKey, RichDoc>,
          structure: [],
        },
      }),
    );
    expect(md.startsWith('# \\*Tähti\\* \\[malli\\]\n')).toBe(true);
    expect(md).toContain('## Basic idea of the solution\n\n—\n');
    expect(md).toContain('## Structure\n\n—\n');
    expect(md).toContain('- **Keywords:** —');
    expect(md).toContain('- **Programme web address:** javascript:alert(1)');
    expect(md).not.toContain('](javascript');
  });
});

// ---------- DOCX ----------

describe('renderDocx', () => {
  it('writes a Word document with the content and metadata', async () => {
    const buffer = await timed('docx (large)', () => renderDocx(input()));
    expect(buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(buffer.length).toBeGreaterThan(5 * 1024);

    const xml = unzipEntry(buffer, 'word/document.xml') ?? '';
    expect(xml).toContain('Osion basicIdea tunnistelause: Lapsen ääni kuuluu.');
    expect(xml).toContain('Kohderyhmä ja asiakasymmärrys');
    expect(xml).toContain('12. Vaihe 12: Tapaaminen');
    expect(xml).toContain('<w:numPr>');
    expect(xml).toContain('<w:tbl>');
    const rels = unzipEntry(buffer, 'word/_rels/document.xml.rels') ?? '';
    expect(rels).toContain('https://thl.fi/tips/0');
    const core = unzipEntry(buffer, 'docProps/core.xml') ?? '';
    expect(core).toContain('Lapsen ääni -toimintamalli');
    expect(core).toContain('Kehittämö');
    expect(unzipEntry(buffer, 'word/styles.xml')).toContain('fi-FI');
  });

  it('drops characters XML forbids and unsafe links', async () => {
    const buffer = await renderDocx(
      input({
        name: 'Nimi\u0001',
        content: {
          ...largeContent(),
          sections: {
            ...largeContent().sections,
            basicIdea: doc(
              p(text('klikkaa', link('javascript:alert(1)')), '\u0007'),
            ),
          },
        },
      }),
    );
    const xml = unzipEntry(buffer, 'word/document.xml') ?? '';
    expect(xml).toContain('klikkaa');
    expect(xml).not.toContain('\u0001');
    expect(unzipEntry(buffer, 'word/_rels/document.xml.rels')).not.toContain(
      'javascript',
    );
  });
});

// ---------- PDF ----------

describe('renderPdf', () => {
  it('writes a PDF with metadata', async () => {
    const buffer = await timed('pdf (large)', () => renderPdf(input()));
    const raw = buffer.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toContain('/Title');
    expect(raw).toContain('/Lang');
    expect(raw).toContain('/URI (https://thl.fi/basicIdea/0)');
    expect(buffer.length).toBeGreaterThan(50 * 1024);
  });

  it('renders an empty description in every language', async () => {
    for (const language of ['fi', 'sv', 'en'] as const) {
      const buffer = await renderPdf(
        input({
          language,
          content: {
            facts: {},
            sections: Object.fromEntries(
              MODEL_SECTION_KEYS.map((key) => [key, { type: 'doc' }]),
            ) as Record<ModelSectionKey, RichDoc>,
            structure: [],
          },
        }),
      );
      expect(buffer.toString('latin1', 0, 5)).toBe('%PDF-');
    }
  });

  it('replaces characters the standard fonts cannot show', () => {
    expect(pdfText('Äiti ja äö å – €')).toBe('Äiti ja äö å – €');
    expect(pdfText('Őrség → č đ\tx')).toBe('Orség ? c ? x');
  });
});

// ---------- hostile content ----------

describe('hostile content', () => {
  it('survives deep nesting and long runs without blowing the stack or backtracking', async () => {
    let nested: RichNode = p('pohjalla');
    for (let i = 0; i < 5000; i++)
      nested = { type: 'blockquote', content: [nested] };
    const body = doc(
      nested,
      p(`${'-'.repeat(20_000)}${' '.repeat(20_000)}x`),
      p(
        text(`a${'\n'.repeat(200)}b`, 'bold'),
        text('`'.repeat(50_000), 'code'),
      ),
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableCell',
                attrs: { colspan: 1e9, rowspan: 1e9 },
                content: [p('solu')],
              },
            ],
          },
        ],
      },
    );
    const content: ModelDescriptionContent = {
      facts: {},
      sections: Object.fromEntries(
        MODEL_SECTION_KEYS.map((key) => [key, body]),
      ) as Record<ModelSectionKey, RichDoc>,
      structure: [],
    };
    const start = performance.now();
    expect(richToPlainText(body)).toContain('pohjalla');
    expect(richToMarkdown(body)).toContain('pohjalla');
    expect(renderMarkdown(input({ content }))).toContain('solu');
    expect((await renderDocx(input({ content }))).length).toBeGreaterThan(1000);
    expect((await renderPdf(input({ content }))).toString('latin1', 0, 5)).toBe(
      '%PDF-',
    );
    console.log(
      `hostile content, all formats: ${(performance.now() - start).toFixed(0)} ms`,
    );
    // a generous limit: this guards against hangs, the benchmarks measure speed
  }, 30_000);
});
