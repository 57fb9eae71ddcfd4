import { filenameFromDisposition } from './downloads';

describe('download file names from Content-Disposition', () => {
  it('prefers the UTF-8 name, so Finnish letters survive', () => {
    const header = `attachment; filename="Perhetyon malli.pdf"; filename*=UTF-8''Perhety%C3%B6n%20malli.pdf`;
    expect(filenameFromDisposition(header)).toBe('Perhetyön malli.pdf');
  });

  it('falls back to the plain name, and to null without a header', () => {
    expect(filenameFromDisposition('attachment; filename="malli.md"')).toBe('malli.md');
    expect(filenameFromDisposition('attachment; filename=malli.json')).toBe('malli.json');
    expect(filenameFromDisposition(null)).toBeNull();
  });
});
