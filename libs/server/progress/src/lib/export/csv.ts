/**
 * CSV for spreadsheets used in Finland: UTF-8 with a byte-order mark (so Excel reads ä and ö),
 * `;` between fields and a decimal comma, every text field quoted. A field that starts like a
 * formula (= + - @) is prefixed with an apostrophe so a spreadsheet never runs it.
 */
export function toCsv(header: string[], rows: (string | number | null)[][]): Buffer {
  const cell = (value: string | number | null): string => {
    if (value === null) return '';
    if (typeof value === 'number') return String(value).replace('.', ',');
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const lines = [header.map(cell), ...rows.map((r) => r.map(cell))].map((r) => r.join(';'));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
