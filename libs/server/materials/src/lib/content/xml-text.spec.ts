import { MATERIAL_LIMITS } from '@kehittamo/shared/domain';
import { TextBuilder } from './text-builder';
import { decodeXmlEntities, DOCX_DIALECT, ODF_DIALECT, XmlTextReader } from './xml-text';

function read(xml: string, chunkSize: number, dialect = DOCX_DIALECT): string {
  const text = new TextBuilder();
  const reader = new XmlTextReader(dialect, text);
  for (let i = 0; i < xml.length; i += chunkSize) reader.write(xml.slice(i, i + chunkSize));
  reader.end();
  return text.toString();
}

describe('XmlTextReader', () => {
  const docx =
    '<?xml version="1.0"?><w:document><!-- <w:t>ei</w:t> --><w:body>' +
    '<w:p><w:r><w:t xml:space="preserve">Äiti &amp; isä: </w:t></w:r><w:r><w:t>vanhemmuuteen</w:t></w:r></w:p>' +
    '<w:p><w:r><w:t><![CDATA[<tagi>]]></w:t><w:tab/><w:t>&#246;ljy&#x21;</w:t></w:r></w:p></w:body></w:document>';

  it.each([1, 2, 3, 7, 64, 10_000])('gives the same text whatever the chunk size (%i)', (size) => {
    expect(read(docx, size)).toBe('Äiti & isä: vanhemmuuteen\n<tagi> öljy!');
  });

  it('keeps the text of a truncated document', () => {
    expect(read(docx.slice(0, docx.indexOf('vanhemmuuteen') + 6), 5)).toBe('Äiti & isä: vanhem');
  });

  it('survives garbage: unclosed tags, stray brackets, unbalanced ends', () => {
    const garbage = '</w:t></w:p><w:t>a < b > c</w:t><w:t>d<w:t'.repeat(3) + '<'.repeat(10);
    expect(() => read(garbage, 4)).not.toThrow();
    // A text run longer than the pending buffer is taken in pieces, up to the text limit.
    expect(read('<w:t>' + 'x'.repeat(3 * 1024 * 1024), 64 * 1024).length).toBe(MATERIAL_LIMITS.extractedTextMax);
  });

  it('drops a tag that never ends instead of buffering without bound', () => {
    const text = read('<w:t>alku</w:t><w:r ' + 'a'.repeat(2 * 1024 * 1024), 16 * 1024);
    expect(text).toBe('alku');
  });

  it('skips ODF annotations but not the paragraph around them', () => {
    const xml = '<text:p>Ennen<office:annotation><dc:creator>M</dc:creator><text:p>huom</text:p></office:annotation> jälkeen</text:p>';
    expect(read(xml, 5, ODF_DIALECT)).toBe('Ennen jälkeen');
  });
});

describe('decodeXmlEntities', () => {
  it('decodes the predefined entities and character references, dropping invalid ones', () => {
    expect(decodeXmlEntities('&lt;&gt;&amp;&quot;&apos; &#228;&#xE4;&#X1F600;')).toBe('<>&"\' ää😀');
    expect(decodeXmlEntities('&#0;&#xD800;&#x110000;&nbsp;&amp')).toBe('&nbsp;&amp');
  });
});
