import type { SensitiveKind } from './comments';
import { findSensitiveData } from './sensitive-data';

/** The findings as `kind:text`, for readable failures. */
const found = (text: string) => findSensitiveData(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);

describe('findSensitiveData: what it finds', () => {
  // [sentence, kind, the exact text found]
  const positives: [string, SensitiveKind, string][] = [
    // Personal identity codes (valid date and checksum).
    ['Lapsen henkilötunnus on 131052-308T, kirjaa se.', 'personal-id', '131052-308T'],
    ['Äidin hetu 010150-1130 löytyy paperista.', 'personal-id', '010150-1130'],
    ['Vauvan tunnus 241205A2340 oli hakemuksessa', 'personal-id', '241205A2340'],
    ['Karkauspäivänä syntynyt: 290212A045V.', 'personal-id', '290212A045V'],
    ['Isän hetu on 150799-742t (pienellä).', 'personal-id', '150799-742t'],
    ['Nuoren tunnus 050318B417R', 'personal-id', '050318B417R'],
    ['Uuden merkin kanssa 301187Y2026 ja', 'personal-id', '301187Y2026'],
    ['Vanha: 121212+121D', 'personal-id', '121212+121D'],
    ['Word teki viivasta ajatusviivan: 131052–308T', 'personal-id', '131052–308T'],
    // Phone numbers.
    ['Soita minulle 040 123 4567 iltaisin.', 'phone', '040 123 4567'],
    ['Numero on 0401234567.', 'phone', '0401234567'],
    ['Kansainvälisesti +358 40 123 4567.', 'phone', '+358 40 123 4567'],
    ['Tavoitat: +358401234567', 'phone', '+358401234567'],
    ['Toimiston numero 09 1234 567 arkisin', 'phone', '09 1234 567'],
    ['Perheen isä, 044-1234567, soitti', 'phone', '044-1234567'],
    ['Vaihde (09) 123 4567 palvelee', 'phone', '(09) 123 4567'],
    ['Ruotsin päässä +46 8 123 456 78 vastaa', 'phone', '+46 8 123 456 78'],
    ['Puh. +358 (0)50 765 4321', 'phone', '+358 (0)50 765 4321'],
    ['puh.0501234567', 'phone', '0501234567'],
    ['Isovanhemmat, puh 123 4567, tulevat', 'phone', '123 4567'],
    ['Soita 00358 45 987 6543 ulkomailta', 'phone', '00358 45 987 6543'],
    // E-mail addresses.
    ['Laita viestiä matti.meikalainen@esimerkki.fi niin vastaan.', 'email', 'matti.meikalainen@esimerkki.fi'],
    ['Äidin osoite: liisa_k+perhe@posti.example.com.', 'email', 'liisa_k+perhe@posti.example.com'],
    ['sähköposti pirjo.mäkinen@kunta.fi', 'email', 'pirjo.mäkinen@kunta.fi'],
    // Street addresses.
    ['Perhe asuu osoitteessa Kauppakatu 12 B 34 Kuopiossa.', 'street-address', 'Kauppakatu 12 B 34'],
    ['Tapasin hänet kotona, Puijonkatu 5 a 3.', 'street-address', 'Puijonkatu 5 a 3'],
    ['Koulu on Mannerheimintie 10, sinne mennään.', 'street-address', 'Mannerheimintie 10'],
    ['isovanhemmat asuvat kauppakatu 12 b 34', 'street-address', 'kauppakatu 12 b 34'],
    ['Mummola: Koivukuja 3', 'street-address', 'Koivukuja 3'],
    ['Pohjois-Esplanadi 11–13 toimisto', 'street-address', 'Pohjois-Esplanadi 11–13'],
    ['Isä muutti, Storgatan 5 as. 2', 'street-address', 'Storgatan 5 as. 2'],
    ['Hän asuu Rantaraitti 7:ssä', 'street-address', 'Rantaraitti 7'],
    ['He asuvat Kauppakadulla 12 vuokralla', 'street-address', 'Kauppakadulla 12'],
    // Postal code and town.
    ['Postiosoite on 70100 Kuopio.', 'postal-code', '70100 Kuopio'],
    ['Lähetä FI-87100 Kajaani, kiitos', 'postal-code', 'FI-87100 Kajaani'],
    ['00530 Helsinki', 'postal-code', '00530 Helsinki'],
    // Finnish IBANs (valid checksum).
    ['Tilinumero FI21 1234 5600 0007 85 maksuja varten.', 'iban', 'FI21 1234 5600 0007 85'],
    ['Tili FI4950009420028730.', 'iban', 'FI4950009420028730'],
    ['tilille fi80 8000 1234 5678 91', 'iban', 'fi80 8000 1234 5678 91'],
  ];

  it('has a corpus of at least 25 true positives with several of each kind', () => {
    expect(positives.length).toBeGreaterThanOrEqual(25);
    for (const kind of ['personal-id', 'phone', 'email', 'street-address', 'postal-code', 'iban'] as const) {
      expect(positives.filter(([, k]) => k === kind).length).toBeGreaterThanOrEqual(2);
    }
  });

  it.each(positives)('%j', (text, kind, match) => {
    expect(found(text)).toEqual([`${kind}:${match}`]);
  });

  it('gives UTF-16 offsets, sorted and without overlaps', () => {
    const text = 'Äiti 😀 (puh. 040 123 4567) asuu Kauppakatu 12 B 34, 70100 Kuopio; hetu 131052-308T, matti@esimerkki.fi, FI21 1234 5600 0007 85';
    const findings = findSensitiveData(text);
    expect(findings.map((f) => f.kind)).toEqual(['phone', 'street-address', 'postal-code', 'personal-id', 'email', 'iban']);
    expect(findings[0]).toEqual({ kind: 'phone', start: text.indexOf('040'), end: text.indexOf('040') + '040 123 4567'.length });
    for (let i = 1; i < findings.length; i++) expect(findings[i].start).toBeGreaterThanOrEqual(findings[i - 1].end);
  });

  it('keeps the longer of overlapping findings', () => {
    // The digits of the account would do as a phone number, and the e-mail's local part too.
    expect(found('FI84 0401 2345 6700 01')).toEqual(['iban:FI84 0401 2345 6700 01']);
    expect(found('0401234567@esimerkki.fi')).toEqual(['email:0401234567@esimerkki.fi']);
  });

  it('finds a phone number before a year or after an unrelated number', () => {
    expect(found('Soita 040 123 4567 2024 aikana')).toEqual(['phone:040 123 4567']);
    expect(found('Kohta 12 040 123 4567')).toEqual(['phone:040 123 4567']);
    expect(found('0401234567 0501234567')).toEqual(['phone:0401234567', 'phone:0501234567']);
  });
});

describe('findSensitiveData: what it leaves alone', () => {
  const negatives = [
    'Hanke kestää 1.8.2024 – 31.12.2026 ja se on osa TP3-työpakettia.',
    'Vuonna 2024 aloitimme, vuosina 2025–2026 jatketaan.',
    'Budjetti on 439 685 € ja koko ohjelman 1 798 681 euroa.',
    'Kustannukset 575 639 € (sis. alv 25,5 %).',
    'Kohderyhmänä ovat 12–17-vuotiaat ja heidän perheensä.',
    'Työpaja klo 9.00–11.30, lounas 11.30-12.15 ja jatko 14.00-16.00.',
    'TP1, TP2 ja TP3 raportoivat kuukausittain.',
    'Mallista on nyt versio 2.1, edellinen oli 1.2.3.',
    'Henkilötunnus 131052-308U on kirjoitettu väärin.',
    'Tunnus 311352-308T ei ole oikea päivämäärä.',
    'Numerosarja 010203-1231 ei ole hetu eikä puhelin.',
    'Tapaamiset pidetään Kuopiossa ja Kuopio on mukana.',
    'Kauppakatu ja Puijonkatu ovat tuttuja nimiä.',
    'Katso sivu 12 ja liite 3.',
    'Perhe tapaa työntekijää 3 kertaa viikossa.',
    'Osallistujia oli 45, joista 60 % oli nuoria.',
    'Lapsia on 0–6-vuotiaista 17-vuotiaisiin, yhteensä 1 250.',
    'Asiakaspolku 2 ja palvelupolku 3 kuvataan erikseen.',
    'Valtatie 4 on ruuhkainen aamuisin.',
    'Hyvinvointitori 2024 järjestetään keväällä.',
    'Kävijöitä oli 12000 vuodessa ja 50000 euroa meni palkkoihin.',
    'Soittoaika ma–pe 8–16, puhelinaika 09-12.',
    'Päätös 01-08-2024 ja diaarinumero 1234/2024.',
    'Kokous 13.10.2025 kello 14 huoneessa 204.',
    'Tavoitteena on vähentää sijoituksia 15 % vuoteen 2027 mennessä.',
    'Y-tunnus 1234567-8 ja ISBN 978-951-1-12345-6.',
    'Ilmoituksia tuli 1 050 000 kappaletta, eli +12 % edellisvuodesta.',
    'Kunnan avustus oli +1 000 000 € vuonna 2025.',
    'Kehittäjäasiakkaat (n=8) arvioivat asteikolla 0 1 2 3 4 5.',
    'Viestiketju: @[Matti](user:04012345-1234-4567-8901-040123456789) kommentoi.',
    'Tili FI55 4205 5020 0033 55 on kirjoitettu väärin.',
    'Elämänkaari 3 -mallissa on kolme vaihetta.',
    'Sivut 12-17 ja luvut 3.2–3.4 käsitellään seuraavaksi.',
  ];

  it('has a corpus of at least 25 false positives', () => {
    expect(negatives.length).toBeGreaterThanOrEqual(25);
  });

  it.each(negatives)('%j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('gives nothing for empty text', () => {
    expect(findSensitiveData('')).toEqual([]);
  });
});
