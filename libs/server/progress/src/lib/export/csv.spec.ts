import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a BOM, semicolons, decimal commas and quoted text', () => {
    const csv = toCsv(['Nimi', 'Summa'], [['Perhetyö "A"', 1234.5], ['Tyhjä', null]]);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.subarray(3).toString('utf8')).toBe('"Nimi";"Summa"\r\n"Perhetyö ""A""";1234,5\r\n"Tyhjä";\r\n');
  });

  it('keeps spreadsheet formulas from running', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil")'], ['-2+3'], ['@SUM(A1)']]).subarray(3).toString()).toBe(
      `"x"\r\n"'=HYPERLINK(""http://evil"")"\r\n"'-2+3"\r\n"'@SUM(A1)"\r\n`,
    );
  });
});
